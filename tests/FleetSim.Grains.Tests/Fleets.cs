using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Tests;

/// <summary>Small fleets for grain tests: one region with one server, changed only where a test needs it.</summary>
public static class Fleets
{
    public const string Region = "eastus";
    public const string Gateway = "40.71.8.203";
    public const string OtherRegion = "westeurope";
    public const string OtherGateway = "40.68.37.158";
    public const string RetiredGateway = "40.121.158.30";
    public const string Server = "contoso";
    public const string Host = "contoso.mariadb.database.azure.com";
    public const string Admin = "dbadmin";
    public const string AdminPassword = "Contoso!2026";
    public const string VirtualNetwork = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet";
    public const string AppSubnet = VirtualNetwork + "/subnets/app";
    public const string LegacySubnet = VirtualNetwork + "/subnets/legacy";
    public const string LegacyOutboundIp = "52.170.20.10";

    public static FleetSpec With(params ServerSpec[] servers) => new()
    {
        Regions =
        [
            new RegionSpec
            {
                Name = Region,
                Gateways = [new GatewaySpec { Ip = RetiredGateway, State = "Decommissioned" }, new GatewaySpec { Ip = Gateway }],
            },
            new RegionSpec { Name = OtherRegion, Gateways = [new GatewaySpec { Ip = OtherGateway }] },
        ],
        VirtualNetworks =
        [
            new VirtualNetworkSpec
            {
                Id = VirtualNetwork,
                Region = Region,
                Subnets =
                [
                    new SubnetSpec { Name = "app", AddressPrefix = "10.1.1.0/24", ServiceEndpoints = ["Microsoft.Sql"] },
                    new SubnetSpec { Name = "legacy", AddressPrefix = "10.1.3.0/24", OutboundIp = LegacyOutboundIp },
                ],
            },
        ],
        Servers = [.. servers],
    };

    public static ServerSpec Contoso(params FirewallRuleSpec[] rules) => new()
    {
        Name = Server,
        Region = Region,
        Sku = "GP_Gen5_4",
        AdministratorLogin = Admin,
        AdministratorLoginPassword = AdminPassword,
        FirewallRules = [.. rules],
    };

    public static FirewallRuleSpec Rule(string name, string start, string? end = null) =>
        new() { Name = name, StartIpAddress = start, EndIpAddress = end ?? start };

    public static ConnectRequest Login(string ip, string user = Admin + "@" + Server, string? password = AdminPassword,
        TlsVersion tls = TlsVersion.Tls1_2, string? host = Host, bool hold = false) =>
        new(host, user, password, tls, new SourceAddress(ip), Hold: hold);

    public static ConnectRequest From(SourceAddress source, string user = Admin + "@" + Server) =>
        new(Host, user, AdminPassword, TlsVersion.Tls1_2, source);
}

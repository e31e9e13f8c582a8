using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>
/// The smallest valid fleet, for tests to change one thing at a time: region westeurope with one
/// Current gateway, one virtual network there with subnet 'web' (Microsoft.Sql endpoint) and
/// subnet 'batch' (none), and one General Purpose server 'contoso'.
/// </summary>
internal static class Fleets
{
    public const string Region = "westeurope";
    public const string OtherRegion = "northeurope";
    public const string VirtualNetworkId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/app-vnet";
    public const string OtherRegionNetworkId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/north-vnet";

    public static string WebSubnet => FleetDirectory.SubnetId(VirtualNetworkId, "web");
    public static string BatchSubnet => FleetDirectory.SubnetId(VirtualNetworkId, "batch");
    public static string NorthSubnet => FleetDirectory.SubnetId(OtherRegionNetworkId, "north");

    public static ServerSpec Server(string name = "contoso") => new()
    {
        Name = name,
        Region = Region,
        AdministratorLogin = "fleetadmin",
        AdministratorLoginPassword = "Fl33t-Passw0rd",
    };

    public static FleetSpec With(params ServerSpec[] servers) => new()
    {
        Regions =
        [
            new RegionSpec { Name = Region, Gateways = [new GatewaySpec { Ip = "13.69.105.208" }] },
            new RegionSpec { Name = OtherRegion, Gateways = [new GatewaySpec { Ip = "52.138.224.6" }] },
        ],
        VirtualNetworks =
        [
            new VirtualNetworkSpec
            {
                Id = VirtualNetworkId,
                Region = Region,
                Subnets =
                [
                    new SubnetSpec { Name = "web", AddressPrefix = "10.0.1.0/24", ServiceEndpoints = [FleetDirectory.SqlServiceEndpoint] },
                    new SubnetSpec { Name = "batch", AddressPrefix = "10.0.2.0/24", OutboundIp = "20.50.1.10" },
                ],
            },
            new VirtualNetworkSpec
            {
                Id = OtherRegionNetworkId,
                Region = OtherRegion,
                Subnets = [new SubnetSpec { Name = "north", AddressPrefix = "10.1.0.0/16", ServiceEndpoints = [FleetDirectory.SqlServiceEndpoint] }],
            },
        ],
        Servers = servers.Length == 0 ? [Server()] : [.. servers],
    };

    public static IReadOnlyList<string> Errors(FleetSpec fleet) => FleetSpecValidator.Validate(fleet);

    /// <summary>The errors of the standard fleet with this one server in place of 'contoso'.</summary>
    public static IReadOnlyList<string> Errors(ServerSpec server) => FleetSpecValidator.Validate(With(server));

    /// <summary>The only error of a server, for tests that change one thing.</summary>
    public static string Error(ServerSpec server) => Assert.Single(Errors(server));

    public static string Error(FleetSpec fleet) => Assert.Single(Errors(fleet));

    public static ServerSpec WithFirewallRules(this ServerSpec server, params FirewallRuleSpec[] rules) => server with { FirewallRules = [.. rules] };

    public static FirewallRuleSpec Rule(string name, string start, string end) => new() { Name = name, StartIpAddress = start, EndIpAddress = end };

    public static VirtualNetworkRuleSpec VnetRule(string name, string subnetId, bool ignoreMissingEndpoint = false) =>
        new() { Name = name, VirtualNetworkSubnetId = subnetId, IgnoreMissingVnetServiceEndpoint = ignoreMissingEndpoint };

    public static ServerSpec WithConfiguration(this ServerSpec server, string name, string value) =>
        server with { Configurations = new Dictionary<string, string> { [name] = value } };
}

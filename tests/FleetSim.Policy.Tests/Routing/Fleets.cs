using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Routing;

/// <summary>
/// A two-region fleet. West Europe lists gateway rings from oldest to newest (a decommissioned one,
/// one being decommissioned, two current); North Europe has one. Its virtual network has a subnet
/// with the Microsoft.Sql service endpoint and one without.
/// </summary>
internal static class Fleets
{
    public const string WestEurope = Servers.Region;
    public const string NorthEurope = "northeurope";

    public const string DecommissionedGatewayIp = "40.68.37.158";
    public const string DecommissioningGatewayIp = "104.40.168.105";
    public const string OlderCurrentGatewayIp = "13.69.105.208";
    public const string NewestGatewayIp = "52.236.184.163";
    public const string NorthEuropeGatewayIp = "52.138.224.6";

    public const string VirtualNetworkId =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/apps/providers/Microsoft.Network/virtualNetworks/apps-vnet";

    public static readonly string EndpointSubnetId = FleetDirectory.SubnetId(VirtualNetworkId, "with-sql-endpoint");
    public const string EndpointSubnetPrefix = "10.0.1.0/24";

    public static readonly string PlainSubnetId = FleetDirectory.SubnetId(VirtualNetworkId, "without-endpoint");
    public const string PlainSubnetPrefix = "10.0.2.0/24";
    public const string PlainSubnetOutboundIp = "20.61.98.5";

    public static FleetSpec With(params ServerSpec[] servers) => new()
    {
        Regions =
        [
            new RegionSpec
            {
                Name = WestEurope,
                Gateways =
                [
                    new GatewaySpec { Ip = DecommissionedGatewayIp, State = "Decommissioned" },
                    new GatewaySpec { Ip = DecommissioningGatewayIp, State = "Decommissioning" },
                    new GatewaySpec { Ip = OlderCurrentGatewayIp, State = "Current" },
                    new GatewaySpec { Ip = NewestGatewayIp, State = "Current" },
                ],
            },
            new RegionSpec { Name = NorthEurope, Gateways = [new GatewaySpec { Ip = NorthEuropeGatewayIp, State = "Current" }] },
        ],
        VirtualNetworks =
        [
            new VirtualNetworkSpec
            {
                Id = VirtualNetworkId,
                Region = WestEurope,
                Subnets =
                [
                    new SubnetSpec { Name = "with-sql-endpoint", AddressPrefix = EndpointSubnetPrefix, ServiceEndpoints = [FleetDirectory.SqlServiceEndpoint] },
                    new SubnetSpec { Name = "without-endpoint", AddressPrefix = PlainSubnetPrefix, OutboundIp = PlainSubnetOutboundIp },
                ],
            },
        ],
        Servers = [.. servers],
    };

    /// <summary>contoso and other in West Europe, northwind in North Europe.</summary>
    public static FleetSpec Standard => With(Servers.Contoso, Servers.Named("other"), Servers.Named("northwind", NorthEurope));

    public static string Host(string server) => server + FleetDirectory.HostSuffix;
}

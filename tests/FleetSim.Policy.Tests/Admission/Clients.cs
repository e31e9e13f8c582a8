using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>Clients as the server's network checks see them, after the gateway presented them.</summary>
internal static class Clients
{
    /// <summary>An address from TEST-NET-3, so it is plainly not Azure's.</summary>
    public const string InternetIp = "203.0.113.7";

    /// <summary>A public address of an Azure VM (any Azure customer's).</summary>
    public const string AzureIp = "20.50.1.17";

    public static PresentedSource Internet(string ip = InternetIp) => new(PresentedKind.Internet, Ipv4.Parse(ip));

    public static PresentedSource Azure(string ip = AzureIp) => new(PresentedKind.Azure, Ipv4.Parse(ip));

    public static PresentedSource ServiceEndpoint(string subnetId, string privateIp) =>
        new(PresentedKind.ServiceEndpoint, Ipv4.Parse(privateIp), SubnetId: subnetId);

    public static PresentedSource PrivateEndpoint(string name) => new(PresentedKind.PrivateEndpoint, default, PrivateEndpoint: name);
}

using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Network access", check 2: publicNetworkAccess = Disabled denies everything but private endpoints.</summary>
public sealed class PublicNetworkAccessTests
{
    private const string DisabledText =
        "Connection was denied since Deny Public Network Access is set to Yes. To connect to this server, use the Private Endpoint from inside your virtual network.";

    // Rules that would otherwise admit every kind of public client.
    private static readonly ServerSpec Closed = Servers.Contoso with
    {
        PublicNetworkAccess = "Disabled",
        FirewallRules = [Servers.AllowWholeInternet, Servers.AllowAllAzureIps],
        VirtualNetworkRules = [Servers.VnetRule("apps", Fleets.EndpointSubnetId)],
    };

    public static TheoryData<string> PublicClients => ["internet", "azure", "service endpoint"];

    private static PresentedSource Client(string kind) => kind switch
    {
        "internet" => Clients.Internet(),
        "azure" => Clients.Azure(),
        _ => Clients.ServiceEndpoint(Fleets.EndpointSubnetId, "10.0.1.4"),
    };

    [Theory]
    [MemberData(nameof(PublicClients))]
    public void With_public_network_access_Disabled_a_public_or_VNet_client_is_denied_with_47073_whatever_the_rules(string client)
    {
        var verdict = Admissions.Admit(Closed, Client(client));

        Assert.Equal(new Verdict(ConnectionReason.PublicNetworkAccessDisabled, 47073, DisabledText), verdict);
    }
}

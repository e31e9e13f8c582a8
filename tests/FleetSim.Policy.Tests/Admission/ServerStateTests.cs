using FleetSim.Policy.Decisions;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>Only a Ready server takes connections (DOMAIN, "Encryption at rest" for Inaccessible).</summary>
public sealed class ServerStateTests
{
    // The texts are FleetSim's [FleetSim rule]; the contract is the reason, the code and the server's name.
    [Theory]
    [InlineData("Stopped", ConnectionReason.ServerStopped)]
    [InlineData("Inaccessible", ConnectionReason.ServerInaccessible)]
    public void A_server_that_is_not_Ready_refuses_every_connection_with_9002(string state, ConnectionReason reason)
    {
        var server = Servers.Contoso with { State = state, FirewallRules = [Servers.AllowWholeInternet] };

        var verdict = Admissions.Admit(server, Clients.Internet());

        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(9002, verdict.Code);
        Assert.Contains("'contoso'", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inaccessible_server_refuses_even_an_approved_private_endpoint()
    {
        var server = Servers.Contoso with { State = "Inaccessible", PrivateEndpointConnections = [Servers.PrivateEndpoint("pe-app", "Approved")] };

        Assert.Equal(ConnectionReason.ServerInaccessible, Admissions.Admit(server, Clients.PrivateEndpoint("pe-app")).Reason);
    }

    [Fact]
    public void A_Ready_server_admits_an_allowed_client() =>
        Assert.True(Admissions.Admit(Servers.Contoso with { FirewallRules = [Servers.AllowWholeInternet] }, Clients.Internet()).Allowed);
}

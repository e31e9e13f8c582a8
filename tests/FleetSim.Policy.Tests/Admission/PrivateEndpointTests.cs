using FleetSim.Policy.Decisions;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Network access", check 1: only an Approved private endpoint connection lets a private endpoint in.</summary>
public sealed class PrivateEndpointTests
{
    [Fact]
    public void An_approved_private_endpoint_is_allowed_with_public_network_access_Disabled_and_no_firewall_rules()
    {
        var server = Servers.Contoso with
        {
            PublicNetworkAccess = "Disabled",
            PrivateEndpointConnections = [Servers.PrivateEndpoint("pe-app", "Approved")],
        };

        var verdict = Admissions.Admit(server, Clients.PrivateEndpoint("pe-app"));

        Assert.True(verdict.Allowed);
        Assert.Equal("pe-app", verdict.Rule);
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Rejected")]
    public void A_private_endpoint_connection_that_is_not_Approved_is_denied_with_47073(string status)
    {
        var server = Servers.Contoso with { PrivateEndpointConnections = [Servers.PrivateEndpoint("pe-app", status)] };

        var verdict = Admissions.Admit(server, Clients.PrivateEndpoint("pe-app"));

        Assert.Equal(ConnectionReason.PrivateEndpointNotApproved, verdict.Reason);
        Assert.Equal(47073, verdict.Code);
        // A denial names no rule: "rule" says what let a client in.
        Assert.Null(verdict.Rule);
    }

    [Fact]
    public void Firewall_rules_do_not_open_a_private_endpoint_that_is_not_Approved()
    {
        var server = Servers.Contoso with
        {
            FirewallRules = [Servers.AllowWholeInternet, Servers.AllowAllAzureIps],
            PrivateEndpointConnections = [Servers.PrivateEndpoint("pe-app", "Pending")],
        };

        Assert.Equal(ConnectionReason.PrivateEndpointNotApproved, Admissions.Admit(server, Clients.PrivateEndpoint("pe-app")).Reason);
    }

    [Fact]
    public void A_private_endpoint_with_no_connection_to_this_server_is_denied_with_47073()
    {
        var server = Servers.Contoso with { PrivateEndpointConnections = [Servers.PrivateEndpoint("pe-app", "Approved")] };

        var verdict = Admissions.Admit(server, Clients.PrivateEndpoint("pe-of-another-server"));

        Assert.Equal(ConnectionReason.PrivateEndpointNotApproved, verdict.Reason);
        Assert.Equal(47073, verdict.Code);
    }
}

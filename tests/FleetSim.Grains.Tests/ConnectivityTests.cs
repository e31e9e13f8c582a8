using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>DOMAIN.md, "Connectivity: the regional gateway", through the gateway and server grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConnectivityTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    private async Task<ConnectResult> Connect(ConnectRequest request, string? pinned = null, params ServerSpec[] extra)
    {
        var connector = await cluster.Provision(With([Contoso(Rule("office", Office)), .. extra]));
        return await cluster.Connect(connector, request, pinned);
    }

    [Fact]
    public async Task Host_name_resolves_to_the_current_gateway_of_the_servers_region()
    {
        var result = await Connect(Login(Office));
        Assert.Equal((ConnectionReason.Allowed, Gateway, Server), (result.Reason, result.Gateway, result.Server));
    }

    [Fact]
    public async Task Gateway_routes_on_the_user_name_not_on_the_host_dialled()
    {
        var other = Contoso() with { Name = "fabrikam" };
        var result = await Connect(Login(Office, host: "fabrikam.mariadb.database.azure.com"), extra: other);
        Assert.Equal((ConnectionReason.Allowed, "contoso", "office"), (result.Reason, result.Server, result.Rule));
    }

    [Fact]
    public async Task Without_a_suffix_the_first_label_of_the_host_names_the_server()
    {
        var result = await Connect(Login(Office, user: Admin));
        Assert.Equal((ConnectionReason.Allowed, Server), (result.Reason, result.Server));
    }

    [Fact]
    public async Task Unknown_server_in_the_user_name_gets_9002_with_the_real_text()
    {
        var result = await Connect(Login(Office, user: "dbadmin@contosso"));
        Assert.Equal((ConnectionReason.ServerNotFound, 9002), (result.Reason, result.Code));
        Assert.Equal("The server name you tried cannot be found: contosso. Please check the Username and retry connection. The Username should be in <username@hostname> format.", result.Message);
    }

    [Fact]
    public async Task A_host_that_names_no_server_does_not_resolve()
    {
        var result = await Connect(Login(Office, host: "contosso.mariadb.database.azure.com"));
        Assert.Equal((ConnectionReason.HostNotFound, 2005), (result.Reason, result.Code));
    }

    [Fact]
    public async Task A_pinned_decommissioned_gateway_no_longer_connects()
    {
        var result = await Connect(Login(Office), pinned: RetiredGateway);
        Assert.Equal((ConnectionReason.GatewayUnreachable, 2003), (result.Reason, result.Code));
    }

    [Fact]
    public async Task The_gateway_of_another_region_does_not_find_the_server()
    {
        var result = await Connect(Login(Office, host: null), pinned: OtherGateway);
        Assert.Equal((ConnectionReason.ServerNotFound, 9002, OtherGateway), (result.Reason, result.Code, result.Gateway));
    }

    [Fact]
    public async Task A_blocked_client_reaches_the_gateway_and_is_refused_after_login()
    {
        // The gateway accepts TCP first: the refusal names the gateway that answered.
        var result = await Connect(Login("192.0.2.1"));
        Assert.Equal((ConnectionReason.FirewallDenied, Gateway), (result.Reason, result.Gateway));
    }

    [Fact]
    public async Task Explain_traces_every_stage_in_order()
    {
        var result = await Connect(Login(Office) with { Explain = true });
        Assert.Equal(["dns", "gateway", "route", "source", "server-state", "tls", "network", "authentication", "max_connections"],
            result.Trace!.Select(s => s.Stage));
        Assert.All(result.Trace!, s => Assert.True(s.Passed));
    }
}

using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>DOMAIN.md, "TLS in transit" and "Access management", through the grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccessTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    private async Task<ConnectResult> Connect(ServerSpec server, ConnectRequest request)
    {
        var connector = await cluster.Provision(With(server));
        return await cluster.Connect(connector, request);
    }

    [Fact]
    public async Task A_plain_text_client_is_refused_while_ssl_is_enforced_by_default()
    {
        var result = await Connect(Contoso(Rule("office", Office)), Login(Office, tls: TlsVersion.None));
        Assert.Equal((ConnectionReason.SslRequired, 9002, "SSL connection is required. Please specify SSL options and retry."),
            (result.Reason, result.Code, result.Message));
    }

    [Fact]
    public async Task A_plain_text_client_is_accepted_when_ssl_enforcement_is_disabled()
    {
        var result = await Connect(Contoso(Rule("office", Office)) with { SslEnforcement = "Disabled" }, Login(Office, tls: TlsVersion.None));
        Assert.Equal(ConnectionReason.Allowed, result.Reason);
    }

    [Theory]
    [InlineData(TlsVersion.Tls1_0, ConnectionReason.TlsVersionTooLow)]
    [InlineData(TlsVersion.Tls1_1, ConnectionReason.TlsVersionTooLow)]
    [InlineData(TlsVersion.Tls1_2, ConnectionReason.Allowed)]
    [InlineData(TlsVersion.Tls1_3, ConnectionReason.Allowed)]
    public async Task Minimal_tls_version_accepts_that_version_and_newer(TlsVersion offered, ConnectionReason reason)
    {
        var result = await Connect(Contoso(Rule("office", Office)) with { MinimalTlsVersion = "TLS1_2" }, Login(Office, tls: offered));
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task A_wrong_password_from_an_allowed_address_gets_1045()
    {
        var result = await Connect(Contoso(Rule("office", Office)), Login(Office, password: "guess"));
        Assert.Equal((ConnectionReason.AccessDenied, 1045, $"Access denied for user 'dbadmin'@'{Office}' (using password: YES)"),
            (result.Reason, result.Code, result.Message));
    }

    [Fact]
    public async Task Authentication_happens_after_the_network_checks()
    {
        var result = await Connect(Contoso(), Login(Office, password: "guess"));
        Assert.Equal(ConnectionReason.FirewallDenied, result.Reason);
    }

    [Fact]
    public async Task Users_created_with_the_server_can_log_in_with_their_own_password()
    {
        var server = Contoso(Rule("office", Office)) with { Users = [new UserSpec { Name = "app", Password = "Sh0p!2026" }] };
        var result = await Connect(server, Login(Office, user: "app@contoso", password: "Sh0p!2026"));
        Assert.Equal(ConnectionReason.Allowed, result.Reason);
    }

    [Theory]
    [InlineData("Stopped", ConnectionReason.ServerStopped)]
    [InlineData("Inaccessible", ConnectionReason.ServerInaccessible)]
    public async Task A_server_that_is_not_ready_refuses_every_connection(string state, ConnectionReason reason)
    {
        var result = await Connect(Contoso(Rule("office", Office)) with { State = state }, Login(Office));
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task Held_connections_count_towards_max_connections_and_closing_one_frees_a_slot()
    {
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office)) with { Sku = "B_Gen5_1" }));
        var held = new List<ConnectResult>();
        for (var i = 0; i < 50; i++)
            held.Add(await cluster.Connect(connector, Login(Office, hold: true)));
        Assert.All(held, r => Assert.Equal(ConnectionReason.Allowed, r.Reason));
        Assert.Equal(50, held.Select(r => r.ConnectionId).Distinct().Count());

        var refused = await cluster.Connect(connector, Login(Office, hold: true));
        Assert.Equal((ConnectionReason.TooManyConnections, 1040, "Too many connections"), (refused.Reason, refused.Code, refused.Message));

        await connector.Disconnect(held[0]);
        var admitted = await cluster.Connect(connector, Login(Office, hold: true));
        Assert.Equal(ConnectionReason.Allowed, admitted.Reason);
        foreach (var connection in held.Skip(1).Append(admitted))
            await connector.Disconnect(connection);
    }
}

using FleetSim.AuditStore;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Audit;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Issue 6, acknowledged audit durability: a call is answered only once its records are in the
/// store. The store is read straight after each call, without flushing anything: under batched
/// durability the records would still sit in outboxes and sink buffers (for up to 700 ms).
/// </summary>
public sealed class AcknowledgedAuditTests : IAsyncLifetime
{
    private const string Office = "203.0.113.7";

    private readonly string _store = Path.Combine(Path.GetTempPath(), "fleetsim-tests", $"audit-{Guid.NewGuid():N}.db");
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(_store, durability: AuditDurability.Acknowledged)));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<FleetConnector> Provision(string server)
    {
        var fleet = With(Contoso(Rule("office", Office)) with
        {
            Name = server,
            Users = [new UserSpec { Name = "app", Password = "Sh0p!2026", Grants = [new GrantSpec { Privileges = ["SELECT"], Database = "shop" }] }],
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,GENERAL" },
        });
        var provisioned = await _cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).Provision(fleet);
        Assert.True(provisioned.Succeeded);
        return new FleetConnector(_cluster.Client, new DirectoryCache(_cluster.Client));
    }

    private static ConnectRequest As(string server, string user, string password, bool hold = false, params string[] statements) =>
        Login(Office, user: $"{user}@{server}", password: password, host: $"{server}.mariadb.database.azure.com", hold: hold) with { Statements = statements };

    /// <summary>The server's stored audit events ("CONNECT 0, LOG 0") and how many gateway decisions name it.</summary>
    private async Task<(string Records, int Decisions)> Stored(string server)
    {
        await using var store = new SqliteAuditStore(_store);
        var records = await store.QueryAsync(new AuditQuery { Server = server, Limit = int.MaxValue });
        var decisions = await store.QueryGatewayAsync(new AuditQuery { Server = server, Limit = int.MaxValue });
        return (string.Join(", ", records.Select(r => $"{r.EventSubclass} {r.ErrorCode}")), decisions.Count);
    }

    [Fact]
    public async Task A_connection_is_answered_only_once_its_audit_records_and_gateway_decision_are_stored()
    {
        var connector = await Provision("ack-a");
        var allowed = await connector.Connect(As("ack-a", "app", "Sh0p!2026", statements: "SELECT * FROM shop.orders"));
        Assert.Equal(("CONNECT 0, LOG 0, DISCONNECT 0", 1), await Stored("ack-a"));
        Assert.Equal(4, allowed.Audited);

        var refused = await connector.Connect(As("ack-a", "app", "wrong"));
        Assert.Equal(("CONNECT 0, LOG 0, DISCONNECT 0, CONNECT 1045", 2), await Stored("ack-a"));
        Assert.Equal(2, refused.Audited);
    }

    [Fact]
    public async Task The_gateway_s_decision_committed_with_the_server_s_records_is_the_entry_the_gateway_would_write()
    {
        var connector = await Provision("ack-d");
        var allowed = await connector.Connect(As("ack-d", "app", "Sh0p!2026") with { App = "orders", Database = "shop" });
        var refused = await connector.Connect(As("ack-d", "app", "wrong"));
        Assert.Equal((3, 2), (allowed.Audited, refused.Audited)); // CONNECT, DISCONNECT and the decision; CONNECT 1045 and the decision

        await using var store = new SqliteAuditStore(_store);
        var decisions = await store.QueryGatewayAsync(new AuditQuery { Server = "ack-d", Limit = int.MaxValue }, TestContext.Current.CancellationToken);
        Assert.Equal(2, decisions.Count);
        var (first, second) = (decisions[0], decisions[1]);
        Assert.Equal((allowed.Gateway, Region, "ack-d.mariadb.database.azure.com", $"app@ack-d", "orders", "shop"),
            (first.Gateway, first.Region, first.Host, first.User, first.App, first.Database));
        Assert.Equal((Policy.Decisions.ConnectionReason.Allowed, 0, "office", (bool?)true), (first.Reason, first.Code, first.Rule, first.Authenticated));
        Assert.True(first.Replayable, "the entry keeps what a replay needs: the source as sent and the TLS version");
        Assert.Equal((Policy.Decisions.ConnectionReason.AccessDenied, 1045, (bool?)false), (second.Reason, second.Code, second.Authenticated));
    }

    [Fact]
    public async Task Statements_and_disconnects_of_a_held_session_are_stored_before_they_return()
    {
        var connector = await Provision("ack-b");
        var session = await connector.Connect(As("ack-b", "app", "Sh0p!2026", hold: true));
        Assert.Equal(("CONNECT 0", 1), await Stored("ack-b"));

        var statement = await connector.Execute(session, "SELEC 1");
        Assert.Equal((1064, 1), (statement.Code, statement.Audited));
        Assert.Equal(("CONNECT 0, ERROR 1064", 1), await Stored("ack-b"));

        await connector.Disconnect(session);
        Assert.Equal(("CONNECT 0, ERROR 1064, DISCONNECT 0", 1), await Stored("ack-b"));
        Assert.Equal(4, connector.Audited);
    }

    [Fact]
    public async Task Concurrent_connections_are_group_committed_and_each_is_stored_when_answered()
    {
        var connector = await Provision("ack-c");
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var result = await connector.Connect(As("ack-c", "app", "Sh0p!2026"));
            // Answered means stored: at least this connection's own records are there already.
            var (records, decisions) = await Stored("ack-c");
            return (result.Audited, Stored: (records.Length == 0 ? 0 : records.Split(", ").Length) + decisions);
        }));
        Assert.All(results, r => Assert.True(r.Stored >= r.Audited, $"{r.Stored} stored when a connection with {r.Audited} records was answered"));
        var (all, allDecisions) = await Stored("ack-c");
        Assert.Equal(connector.Audited, all.Split(", ").Length + allDecisions);
    }
}

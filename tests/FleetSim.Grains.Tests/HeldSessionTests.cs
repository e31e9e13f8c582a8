using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Open sessions end when their server can no longer serve them (stopped, deleted): each gets its
/// DISCONNECT record, and a later statement in it gets MariaDB's 1927 for a killed connection.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HeldSessionTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    private static ServerSpec Named(string name) => Contoso(Rule("office", Office)) with
    {
        Name = name,
        Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION" },
    };

    private async Task<(FleetConnector Connector, ConnectResult Session)> Hold(string server)
    {
        var connector = await cluster.Provision(With(Named(server)));
        var session = await cluster.Connect(connector, Login(Office, user: $"{Admin}@{server}", host: $"{server}.mariadb.database.azure.com", hold: true));
        Assert.True(session.Allowed);
        return (connector, session);
    }

    private async Task AssertKilled(FleetConnector connector, ConnectResult session, string server)
    {
        var statement = await connector.Execute(session, "SELECT 1");
        Assert.Equal((1927, "Connection was killed"), (statement.Code, statement.Message));
        var records = await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, server);
        Assert.Equal(["CONNECT", "DISCONNECT"], records.Select(r => r.EventSubclass.ToString()));
        Assert.All(records, r => Assert.Equal(session.ConnectionId, r.ConnectionId));
    }

    [Fact]
    public async Task Stopping_a_server_ends_its_open_sessions_each_with_its_disconnect_record()
    {
        var (connector, session) = await Hold("held-stop");

        await cluster.Provision(With(Named("held-stop") with { State = "Stopped" }), asNew: false);

        await AssertKilled(connector, session, "held-stop");
        Assert.Equal(0, (await cluster.Grains.GetGrain<IServerGrain>("held-stop").GetStatus()).OpenConnections);
    }

    [Fact]
    public async Task Deleting_a_server_ends_its_open_sessions_each_with_its_disconnect_record()
    {
        var (connector, session) = await Hold("held-delete");

        await cluster.Provision(With(Named("held-other")), asNew: false);

        await AssertKilled(connector, session, "held-delete");
    }

    [Fact]
    public async Task Closing_a_killed_session_logs_nothing_more()
    {
        var (connector, session) = await Hold("held-close");
        await cluster.Provision(With(Named("held-close") with { State = "Stopped" }), asNew: false);

        var audited = connector.Audited;
        await connector.Disconnect(session);

        Assert.Equal(audited, connector.Audited);
        Assert.Equal(2, (await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, "held-close")).Count);
    }

    [Fact]
    public async Task A_session_the_client_closed_itself_is_not_reported_as_killed()
    {
        var (connector, session) = await Hold("held-closed");

        await connector.Disconnect(session);

        Assert.Equal(2006, (await connector.Execute(session, "SELECT 1")).Code);
    }
}

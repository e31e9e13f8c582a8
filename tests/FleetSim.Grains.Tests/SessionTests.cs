using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>Issue 3: what happens after a connection is allowed, through gateway and server grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SessionTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    private static ServerSpec Shop(string name) => Contoso(Rule("office", Office)) with
    {
        Name = name,
        Users = [new UserSpec { Name = "app", Password = "Sh0p!2026", Grants = [new GrantSpec { Privileges = ["SELECT"], Database = "shop" }] }],
        Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,GENERAL" },
    };

    private static ConnectRequest As(string server, string user, string password, params string[] statements) =>
        Login(Office, user: $"{user}@{server}", password: password, host: $"{server}.mariadb.database.azure.com") with { Statements = statements };

    [Fact]
    public async Task A_statement_without_the_privilege_gets_1142_naming_the_table()
    {
        var connector = await cluster.Provision(With(Shop("sess-a")));
        var result = await cluster.Connect(connector, As("sess-a", "app", "Sh0p!2026", "SELECT * FROM shop.orders", "DELETE FROM shop.orders"));
        Assert.Equal([0, 1142], result.Statements!.Select(s => s.Code));
        Assert.Equal("DELETE command denied to user 'app'@'203.0.113.7' for table 'orders'", result.Statements![1].Message);
    }

    [Fact]
    public async Task Accounts_the_administrator_creates_log_in_at_once_and_lose_access_when_dropped()
    {
        var connector = await cluster.Provision(With(Shop("sess-b")));
        var create = await cluster.Connect(connector, As("sess-b", Admin, AdminPassword,
            "CREATE USER 'analyst'@'%' IDENTIFIED BY 'Insight#2026'", "GRANT SELECT ON shop.* TO 'analyst'@'%'"));
        Assert.All(create.Statements!, s => Assert.Equal(0, s.Code));

        var analyst = await cluster.Connect(connector, As("sess-b", "analyst", "Insight#2026", "SELECT * FROM shop.orders"));
        Assert.Equal((ConnectionReason.Allowed, 0), (analyst.Reason, analyst.Statements![0].Code));

        await cluster.Connect(connector, As("sess-b", Admin, AdminPassword, "REVOKE SELECT ON shop.* FROM 'analyst'@'%'"));
        var revoked = await cluster.Connect(connector, As("sess-b", "analyst", "Insight#2026", "SELECT * FROM shop.orders"));
        Assert.Equal(1142, revoked.Statements![0].Code);

        await cluster.Connect(connector, As("sess-b", Admin, AdminPassword, "DROP USER 'analyst'@'%'"));
        var dropped = await cluster.Connect(connector, As("sess-b", "analyst", "Insight#2026"));
        Assert.Equal((ConnectionReason.AccessDenied, 1045), (dropped.Reason, dropped.Code));
    }

    [Fact]
    public async Task Only_the_administrator_may_create_users()
    {
        var connector = await cluster.Provision(With(Shop("sess-c")));
        var result = await cluster.Connect(connector, As("sess-c", "app", "Sh0p!2026", "CREATE USER 'x'@'%' IDENTIFIED BY 'Xx!12345'"));
        Assert.Equal(1227, result.Statements![0].Code);
    }

    [Fact]
    public async Task A_held_session_runs_statements_through_its_gateway_until_it_is_closed()
    {
        var connector = await cluster.Provision(With(Shop("sess-d")));
        var session = await cluster.Connect(connector, As("sess-d", "app", "Sh0p!2026") with { Hold = true });
        Assert.Equal(0, (await connector.Execute(session, "SELECT 1 FROM shop.orders")).Code);
        Assert.Equal(1064, (await connector.Execute(session, "SELEC 1")).Code);
        await connector.Disconnect(session);
        Assert.Equal(2006, (await connector.Execute(session, "SELECT 1 FROM shop.orders")).Code);
    }

    [Fact]
    public async Task Every_audited_event_reaches_the_store_in_order_with_the_real_schema()
    {
        var connector = await cluster.Provision(With(Shop("sess-e")));
        var ok = await cluster.Connect(connector, As("sess-e", "app", "Sh0p!2026", "SELECT * FROM shop.orders", "DROP TABLE shop.orders"));
        await cluster.Connect(connector, As("sess-e", "app", "wrong"));

        var records = await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, "sess-e");
        Assert.Equal(
            ["connection_log CONNECT 0", "general_log LOG 0", "general_log ERROR 1142", "connection_log DISCONNECT 0", "connection_log CONNECT 1045"],
            records.Select(r => $"{r.EventClass} {r.EventSubclass} {r.ErrorCode}"));
        Assert.All(records.Take(4), r => Assert.Equal(ok.ConnectionId, r.ConnectionId));
        Assert.All(records, r => Assert.Equal((Office, "app", Region), (r.Ip, r.User, r.Region)));
    }

    [Fact]
    public async Task Audit_parameters_changed_at_run_time_apply_to_the_next_events()
    {
        var server = Shop("sess-f");
        var connector = await cluster.Provision(With(server));
        await cluster.Connect(connector, As("sess-f", "app", "Sh0p!2026", "SELECT * FROM shop.orders"));
        connector = await cluster.Provision(With(server with
        {
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,GENERAL", ["audit_log_exclude_users"] = "app" },
        }), asNew: false);
        await cluster.Connect(connector, As("sess-f", "app", "Sh0p!2026", "SELECT * FROM shop.orders"));
        await cluster.Connect(connector, As("sess-f", Admin, AdminPassword, "SELECT * FROM shop.orders"));

        var records = await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, "sess-f");
        Assert.Equal(3, records.Count(r => r.User == "app"));
        Assert.Equal(3, records.Count(r => r.User == Admin));
    }

    [Fact]
    public async Task A_connection_refused_by_the_firewall_is_in_the_gateway_log_not_the_server_audit_log()
    {
        var connector = await cluster.Provision(With(Shop("sess-g")));
        await cluster.Connect(connector, Login("192.0.2.9", user: "app@sess-g", password: "Sh0p!2026", host: "sess-g.mariadb.database.azure.com"));
        Assert.Empty(await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, "sess-g"));
        var decision = Assert.Single(await AuditStoreReader.Decisions(cluster.Grains, cluster.AuditStore, "sess-g"));
        Assert.Equal((Policy.Decisions.ConnectionReason.FirewallDenied, 9000, Gateway), (decision.Reason, decision.Code, decision.Gateway));
    }

    [Fact]
    public async Task Brute_force_is_detected_from_the_servers_connection_events()
    {
        var server = Shop("sess-h") with { ThreatProtection = new ThreatProtectionSpec { State = "Enabled" } };
        var connector = await cluster.Provision(With(server));
        var start = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
            await cluster.Connect(connector, As("sess-h", Admin, "guess" + i) with { At = start.AddSeconds(i) });
        var alert = Assert.Single(await AuditStoreReader.Alerts(cluster.Grains, cluster.AuditStore, "sess-h"));
        Assert.Equal(("SQL.MariaDB_BruteForce", "Medium", Office, start.AddSeconds(9)), (alert.AlertType, alert.Severity.ToString(), alert.Ip, alert.At));
    }
}

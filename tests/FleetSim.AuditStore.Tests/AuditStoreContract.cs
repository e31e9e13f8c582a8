using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using static FleetSim.AuditStore.Tests.Rows;

namespace FleetSim.AuditStore.Tests;

/// <summary>
/// What every audit store answers, run against each implementation: the same batches in, the same
/// records, order, limits and counts out. The expected values are the SQLite store's behaviour,
/// which `fleetsim audit` was written against.
/// </summary>
public abstract class AuditStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract IAuditStore Open();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task Append(IAuditStore store, IReadOnlyList<AuditRecord>? records = null, IReadOnlyList<GatewayLogRecord>? decisions = null,
        IReadOnlyList<SecurityAlert>? alerts = null) =>
        store.AppendAsync(records ?? [], decisions ?? [], alerts ?? [], Cancel);

    private static AuditQuery All => new() { Limit = -1 };

    [Fact]
    public async Task An_empty_store_answers_nothing_and_counts_zero()
    {
        await using var store = Open();
        await Append(store);

        Assert.Empty(await store.QueryAsync(All, Cancel));
        Assert.Empty(await store.QueryGatewayAsync(All, Cancel));
        Assert.Empty(await store.AlertsAsync(All, Cancel));
        var stats = await store.StatsAsync(Cancel);
        Assert.Equal((0, 0, 0), (stats.AuditRecords, stats.GatewayDecisions, stats.Alerts));
        Assert.All([stats.ByServer, stats.ByEvent, stats.ByGatewayReason, stats.ByAlert, stats.DecisionsByServer, stats.DecisionsByGateway], Assert.Empty);
    }

    [Fact]
    public async Task Every_field_comes_back_as_appended_with_times_to_the_millisecond()
    {
        await using var store = Open();
        var at = new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.FromHours(2)).AddTicks(12_345_678);
        var record = new AuditRecord(AuditEventClass.general_log, AuditEventSubclass.ERROR, at, 42, "2001:db8::1", "ana", null,
            "SELECT 'ünïcode', \"quoted\" <tag> & \\ FROM t 😀", 1142, "contoso-ß", "westeurope");
        var decision = new GatewayLogRecord(at, "40.71.8.203", null, "Azure address 20.1.2.3", "x@nowhere", ConnectionReason.ServerNotFound, 9002, null, "eastus");
        var alert = new SecurityAlert("SQL.MariaDB_GeoAnomaly", ThreatAlertKind.GeoAnomaly, AlertSeverity.Low, "contoso", "41.58.0.1", "app", at, "login from Lagos, NG");
        await Append(store, [record], [decision], [alert]);

        var truncated = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        Assert.Equal([record with { EventTime = truncated }], await store.QueryAsync(All, Cancel));
        Assert.Equal([decision with { Time = truncated }], await store.QueryGatewayAsync(All, Cancel));
        Assert.Equal([alert with { At = truncated }], await store.AlertsAsync(All, Cancel));
        Assert.Equal(TimeSpan.Zero, (await store.QueryAsync(All, Cancel))[0].EventTime.Offset);
    }

    [Fact]
    public async Task A_replay_gets_every_decision_with_what_the_client_sent_in_log_order_with_the_stores_ids()
    {
        await using var store = Open();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var dialled = new GatewayLogRecord(at.AddSeconds(2), "40.71.8.203", "contoso", "subnet s (10.0.0.4)", "app@contoso", ConnectionReason.Allowed, 0, "shop", "eastus",
            Host: "contoso.mariadb.database.azure.com", SentSource: """{"subnet":"s","ip":"10.0.0.4"}""", Tls: TlsVersion.Tls1_3, Database: "shop", App: "orders", Authenticated: true);
        var pinned = new GatewayLogRecord(at, "40.71.8.203", "contoso", "internet address 203.0.113.9", "app@contoso", ConnectionReason.FirewallDenied, 9000, null, "eastus",
            SentSource: """{"ip":"203.0.113.9"}""", Tls: TlsVersion.None);
        var late = dialled with { Time = at.AddHours(3), Authenticated = false, Reason = ConnectionReason.AccessDenied, Code = 1045 };
        await Append(store, decisions: [dialled, pinned]);
        await Append(store, decisions: [late]);

        var all = await Replay(store, null, null);
        var window = await Replay(store, at.AddSeconds(1), at.AddHours(1));

        Assert.Equal([pinned, dialled, late], all.Select(e => e.Decision));
        Assert.Equal(3, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal([dialled], window.Select(e => e.Decision));
        Assert.Equal(all[1].Id, window[0].Id);
    }

    [Fact]
    public async Task A_replay_refuses_an_entry_written_without_what_replay_needs()
    {
        await using var store = Open();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var old = new GatewayLogRecord(at, "40.71.8.203", "contoso", "internet address 203.0.113.9", "app@contoso", ConnectionReason.FirewallDenied, 9000, null, "eastus");
        await Append(store, decisions: [old]);

        var refused = await Assert.ThrowsAsync<AuditStoreLocationException>(() => Replay(store, null, null));

        Assert.Contains("was written before the gateway log recorded what a replay needs", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Replay(store, at.AddSeconds(1), null));
    }

    private static async Task<List<LoggedDecision>> Replay(IAuditStore store, DateTimeOffset? since, DateTimeOffset? until)
    {
        var entries = new List<LoggedDecision>();
        await foreach (var entry in store.ReplayGatewayAsync(since, until, Cancel))
            entries.Add(entry);
        return entries;
    }

    [Fact]
    public async Task Records_filter_on_server_user_and_address_exactly()
    {
        await using var store = Open();
        await Append(store, [
            Connect("contoso", At(1), user: "app", ip: "203.0.113.7"),
            Connect("contoso", At(2), user: "report", ip: "203.0.113.8"),
            Connect("fabrikam", At(3), user: "app", ip: "203.0.113.7"),
            Connect("Contoso", At(4), user: "App", ip: "203.0.113.70"),
        ]);

        Assert.Equal([At(1), At(2)], Times(await store.QueryAsync(new AuditQuery { Server = "contoso" }, Cancel)));
        Assert.Equal([At(1), At(3)], Times(await store.QueryAsync(new AuditQuery { User = "app" }, Cancel)));
        Assert.Equal([At(1), At(3)], Times(await store.QueryAsync(new AuditQuery { Ip = "203.0.113.7" }, Cancel)));
        Assert.Equal([At(3)], Times(await store.QueryAsync(new AuditQuery { Server = "fabrikam", User = "app", Ip = "203.0.113.7" }, Cancel)));
        Assert.Empty(await store.QueryAsync(new AuditQuery { Server = "contos" }, Cancel));
    }

    [Theory]
    [InlineData("CONNECTION", new[] { 1, 2 })]
    [InlineData("DML_SELECT", new[] { 3 })]
    [InlineData("DML_NONSELECT", new[] { 4 })]
    [InlineData("DML", new[] { 3, 4 })]
    [InlineData("DDL", new[] { 5 })]
    [InlineData("DCL", new[] { 6 })]
    [InlineData("ADMIN", new[] { 7 })]
    [InlineData("GENERAL", new[] { 3, 4, 5, 6, 7 })]
    public async Task Records_filter_on_the_audit_log_events_name(string name, int[] seconds)
    {
        await using var store = Open();
        await Append(store, [
            Connect("contoso", At(1)),
            Disconnect("contoso", At(2)),
            Statement("contoso", At(3), "SELECT * FROM shop.orders"),
            Statement("contoso", At(4), "DELETE FROM shop.orders"),
            Statement("contoso", At(5), "CREATE TABLE shop.t (a INT)"),
            Statement("contoso", At(6), "GRANT SELECT ON shop.* TO 'ana'@'%'"),
            Statement("contoso", At(7), "SHOW TABLES", errorCode: 1064),
        ]);

        Assert.Equal(seconds.Select(s => At(s)), Times(await store.QueryAsync(new AuditQuery { Event = name }, Cancel)));
    }

    [Fact]
    public async Task An_unknown_event_name_is_refused()
    {
        await using var store = Open();
        await Append(store, [Connect("contoso", At(1))]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync(new AuditQuery { Event = "SELECT" }, Cancel));
        Assert.Contains("'SELECT'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive_to_the_millisecond()
    {
        await using var store = Open();
        var times = new[] { At(0), At(0.999), At(1), At(1.001), At(2) };
        await Append(store, [.. times.Select(t => Connect("contoso", t))], [.. times.Select(t => Decision("contoso", t))], [.. times.Select(t => Alert("contoso", t))]);

        var window = new AuditQuery { Since = At(1), Until = At(2) };
        Assert.Equal([At(1), At(1.001)], Times(await store.QueryAsync(window, Cancel)));
        Assert.Equal([At(1), At(1.001)], (await store.QueryGatewayAsync(window, Cancel)).Select(d => d.Time));
        Assert.Equal([At(1), At(1.001)], (await store.AlertsAsync(window, Cancel)).Select(a => a.At));
        // Below a millisecond the bound is truncated, as the stored times are.
        Assert.Equal([At(1), At(1.001), At(2)], Times(await store.QueryAsync(new AuditQuery { Since = At(1).AddTicks(9_999) }, Cancel)));
        Assert.Empty(await store.QueryAsync(new AuditQuery { Since = At(2), Until = At(1) }, Cancel));
    }

    [Fact]
    public async Task Rows_come_in_time_order_and_rows_of_one_time_in_order_of_arrival()
    {
        await using var store = Open();
        await Append(store, [Connect("a", At(5), connection: 1), Connect("b", At(1), connection: 2), Connect("c", At(3), connection: 3)]);
        await Append(store, [Connect("d", At(3), connection: 4), Connect("e", At(0), connection: 5), Connect("f", At(3), connection: 6)]);

        var records = await store.QueryAsync(All, Cancel);

        Assert.Equal([5, 2, 3, 4, 6, 1], records.Select(r => r.ConnectionId));
        Assert.Equal([5, 2, 3], (await store.QueryAsync(new AuditQuery { Limit = 3 }, Cancel)).Select(r => r.ConnectionId));
        Assert.Equal([3, 4], (await store.QueryAsync(new AuditQuery { Since = At(2), Limit = 2 }, Cancel)).Select(r => r.ConnectionId));
    }

    [Fact]
    public async Task Late_rows_of_earlier_hours_are_found_by_time_in_order()
    {
        await using var store = Open();
        // A run that replays attempts with old times, and one record far in the future.
        await Append(store, [Connect("now", At(3600 * 5)), Connect("future", At(86_400 * 365))]);
        await Append(store, [Connect("late", At(3600 * 2 + 1)), Connect("older", At(-3600 * 30)), Connect("now", At(3600 * 5))]);
        await Append(store, [Connect("before-1970", DateTimeOffset.UnixEpoch.AddDays(-3)), Connect("late", At(3600 * 2))]);

        Assert.Equal(["before-1970", "older", "late", "late", "now", "now", "future"], (await store.QueryAsync(All, Cancel)).Select(r => r.Server));
        Assert.Equal(["late", "late"], (await store.QueryAsync(new AuditQuery { Since = At(3600), Until = At(3600 * 5) }, Cancel)).Select(r => r.Server));
        Assert.Equal(["late"], (await store.QueryAsync(new AuditQuery { Since = At(3600 * 2 + 1), Limit = 1 }, Cancel)).Select(r => r.Server));
        Assert.Equal(["before-1970"], (await store.QueryAsync(new AuditQuery { Until = DateTimeOffset.UnixEpoch }, Cancel)).Select(r => r.Server));
        Assert.Equal(["future"], (await store.QueryAsync(new AuditQuery { Since = At(3600 * 6) }, Cancel)).Select(r => r.Server));
    }

    [Fact]
    public async Task A_limit_of_zero_gives_nothing_and_a_negative_limit_everything()
    {
        await using var store = Open();
        await Append(store, [.. Enumerable.Range(0, 1500).Select(i => Connect("contoso", At(i % 7)))]);

        Assert.Empty(await store.QueryAsync(new AuditQuery { Limit = 0 }, Cancel));
        Assert.Equal(1500, (await store.QueryAsync(new AuditQuery { Limit = -1 }, Cancel)).Count);
        Assert.Equal(1000, (await store.QueryAsync(new AuditQuery(), Cancel)).Count);
        Assert.Equal(1200, (await store.QueryAsync(new AuditQuery { Limit = 1200 }, Cancel)).Count);
    }

    [Fact]
    public async Task A_large_batch_is_read_back_whole_in_order()
    {
        await using var store = Open();
        var records = Enumerable.Range(0, 5000).Select(i => Connect($"s{i % 13}", At((i * 7919) % 5003 * 0.5), connection: i)).ToList();
        await Append(store, records);

        var expected = records.Select((r, i) => (r, i)).OrderBy(x => x.r.EventTime).ThenBy(x => x.i).Select(x => x.r.ConnectionId).ToList();
        Assert.Equal(expected, (await store.QueryAsync(All, Cancel)).Select(r => r.ConnectionId));
        Assert.Equal(expected.Take(10), (await store.QueryAsync(new AuditQuery { Limit = 10 }, Cancel)).Select(r => r.ConnectionId));
        Assert.Equal(
            records.Where(r => r.Server == "s3").Select((r, i) => (r, i)).OrderBy(x => x.r.EventTime).ThenBy(x => x.i).Take(50).Select(x => x.r.ConnectionId),
            (await store.QueryAsync(new AuditQuery { Server = "s3", Limit = 50 }, Cancel)).Select(r => r.ConnectionId));
    }

    [Fact]
    public async Task Gateway_decisions_filter_on_server_user_and_time_only()
    {
        await using var store = Open();
        await Append(store, decisions: [
            Decision("contoso", At(1), user: "app@contoso"),
            Decision(null, At(2), ConnectionReason.ServerNotFound, user: "app@nowhere"),
            Decision("fabrikam", At(3), ConnectionReason.FirewallDenied, user: "app@fabrikam", rule: "office"),
        ]);

        Assert.Equal([At(1)], (await store.QueryGatewayAsync(new AuditQuery { Server = "contoso" }, Cancel)).Select(d => d.Time));
        Assert.Equal([At(2)], (await store.QueryGatewayAsync(new AuditQuery { User = "app@nowhere" }, Cancel)).Select(d => d.Time));
        Assert.Empty(await store.QueryGatewayAsync(new AuditQuery { Server = "" }, Cancel));
        // The gateway log has no client address column nor event: those filters do not apply to it.
        Assert.Equal(3, (await store.QueryGatewayAsync(new AuditQuery { Ip = "192.0.2.1", Event = "DDL" }, Cancel)).Count);
        Assert.Equal(["office"], (await store.QueryGatewayAsync(new AuditQuery { Since = At(3) }, Cancel)).Select(d => d.Rule));
    }

    [Fact]
    public async Task Alerts_filter_on_server_user_address_and_time_not_event()
    {
        await using var store = Open();
        await Append(store, alerts: [
            Alert("contoso", At(1), ip: "198.51.100.7", user: "dbadmin"),
            Alert("contoso", At(2), ThreatAlertKind.HarmfulApplication, AlertSeverity.High, ip: "198.51.100.8", user: "app"),
            Alert("fabrikam", At(3), ThreatAlertKind.GeoAnomaly, ip: "198.51.100.7", user: "app"),
        ]);

        Assert.Equal([At(1), At(2)], (await store.AlertsAsync(new AuditQuery { Server = "contoso" }, Cancel)).Select(a => a.At));
        Assert.Equal([At(2), At(3)], (await store.AlertsAsync(new AuditQuery { User = "app" }, Cancel)).Select(a => a.At));
        Assert.Equal([At(1), At(3)], (await store.AlertsAsync(new AuditQuery { Ip = "198.51.100.7" }, Cancel)).Select(a => a.At));
        Assert.Equal(3, (await store.AlertsAsync(new AuditQuery { Event = "DCL" }, Cancel)).Count);
        Assert.Equal([At(2)], (await store.AlertsAsync(new AuditQuery { Since = At(1.5), Limit = 1 }, Cancel)).Select(a => a.At));
    }

    [Fact]
    public async Task Stats_count_everything_and_rank_by_count_then_key()
    {
        await using var store = Open();
        await Append(store,
            [
                Connect("b", At(1)), Connect("b", At(2)), Connect("a", At(3)), Connect("c", At(4)),
                Statement("b", At(5), "SELECT 1"), Statement("a", At(6), "DROP TABLE t", errorCode: 1142),
            ],
            [
                Decision("b", At(1)), Decision(null, At(2), ConnectionReason.ServerNotFound), Decision("a", At(3), ConnectionReason.FirewallDenied),
                Decision("a", At(4), ConnectionReason.FirewallDenied, gateway: "40.68.37.158", region: "westeurope"),
            ],
            [Alert("a", At(1)), Alert("b", At(2), severity: AlertSeverity.High), Alert("c", At(3))]);
        await Append(store, [Connect("a", At(7))], [Decision(null, At(8), ConnectionReason.HostNotFound)], []);

        var stats = await store.StatsAsync(Cancel);

        Assert.Equal((7, 5, 3), (stats.AuditRecords, stats.GatewayDecisions, stats.Alerts));
        Assert.Equal([("a", 3), ("b", 3), ("c", 1)], stats.ByServer);
        Assert.Equal([("connection_log/CONNECT CONNECTION", 5), ("general_log/ERROR DDL", 1), ("general_log/LOG DML_SELECT", 1)], stats.ByEvent);
        Assert.Equal([("FirewallDenied", 2), ("Allowed", 1), ("HostNotFound", 1), ("ServerNotFound", 1)], stats.ByGatewayReason);
        Assert.Equal([("SQL.MariaDB_BruteForce (Medium)", 2), ("SQL.MariaDB_BruteForce (High)", 1)], stats.ByAlert);
        Assert.Equal([("(none)", 2), ("a", 2), ("b", 1)], stats.DecisionsByServer);
        Assert.Equal([("40.71.8.203 (eastus)", 4), ("40.68.37.158 (westeurope)", 1)], stats.DecisionsByGateway);
    }

    [Fact]
    public async Task Stats_rank_decisions_by_server_and_gateway_top_ten_with_no_server_first_among_ties()
    {
        await using var store = Open();
        var decisions = Enumerable.Range(0, 12).SelectMany(i => Enumerable.Repeat(Decision($"s{i:00}", At(i), gateway: $"10.0.0.{i}"), i < 3 ? 2 : 1))
            .Append(Decision(null, At(20))).Append(Decision(null, At(21))).Append(Decision("(none)", At(22))).ToList();
        await Append(store, decisions: decisions);

        var stats = await store.StatsAsync(Cancel);

        // Routing failures (no server) and a server literally named "(none)" are two groups.
        Assert.Equal(["(none)", "s00", "s01", "s02", "(none)", "s03", "s04", "s05", "s06", "s07"], stats.DecisionsByServer.Select(c => c.Key));
        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1, 1, 1], stats.DecisionsByServer.Select(c => c.Count));
        Assert.Equal(10, stats.DecisionsByGateway.Count);
        Assert.Equal(("40.71.8.203 (eastus)", 3), stats.DecisionsByGateway[0]);
    }

    [Fact]
    public async Task Stats_order_ties_by_code_point_as_sqlite_does()
    {
        await using var store = Open();
        // U+FF21 sorts before a character outside the BMP by code point, after it by UTF-16 units.
        await Append(store, [Connect("😀", At(1)), Connect("Ａ", At(2)), Connect("z", At(3)), Connect("Z", At(4))]);

        Assert.Equal(["Z", "z", "Ａ", "😀"], (await store.StatsAsync(Cancel)).ByServer.Select(c => c.Key));
    }

    [Fact]
    public async Task A_batch_that_fails_leaves_nothing_of_itself_behind()
    {
        await using var store = Open();
        await Append(store, [Connect("kept", At(1))], [Decision("kept", At(1))], [Alert("kept", At(1))]);
        var before = await store.StatsAsync(Cancel);

        // The SQLite schema refuses a record without a server; the batch's valid rows must go with it.
        var bad = Connect("x", At(3)) with { Server = null! };
        await Assert.ThrowsAnyAsync<Exception>(() => Append(store,
            [Connect("lost", At(2)), bad, Connect("lost", At(3600 * 3))], [Decision("lost", At(2))], [Alert("lost", At(2))]));

        Assert.Equal(["kept"], (await store.QueryAsync(All, Cancel)).Select(r => r.Server));
        Assert.Equal(["kept"], (await store.QueryGatewayAsync(All, Cancel)).Select(d => d.Server));
        Assert.Equal(["kept"], (await store.AlertsAsync(All, Cancel)).Select(a => a.Server));
        AssertSameStats(before, await store.StatsAsync(Cancel));
    }

    [Fact]
    public async Task Concurrent_batches_all_land_each_in_its_own_order()
    {
        await using var store = Open();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
                await Append(store, [.. Enumerable.Range(0, 50).Select(i => Connect($"w{writer}", At(1), connection: batch * 50 + i))], [Decision($"w{writer}", At(1))]);
        })));

        var records = await store.QueryAsync(All, Cancel);
        Assert.Equal(8 * 500, records.Count);
        Assert.All(records.GroupBy(r => r.Server), g => Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), g.Select(r => r.ConnectionId)));
        Assert.Equal((4000, 80), ((await store.StatsAsync(Cancel)).AuditRecords, (await store.StatsAsync(Cancel)).GatewayDecisions));
    }

    internal static void AssertSameStats(AuditStats expected, AuditStats actual)
    {
        Assert.Equal((expected.AuditRecords, expected.GatewayDecisions, expected.Alerts), (actual.AuditRecords, actual.GatewayDecisions, actual.Alerts));
        Assert.Equal(expected.ByServer, actual.ByServer);
        Assert.Equal(expected.ByEvent, actual.ByEvent);
        Assert.Equal(expected.ByGatewayReason, actual.ByGatewayReason);
        Assert.Equal(expected.ByAlert, actual.ByAlert);
        Assert.Equal(expected.DecisionsByServer, actual.DecisionsByServer);
        Assert.Equal(expected.DecisionsByGateway, actual.DecisionsByGateway);
    }

    private static IEnumerable<DateTimeOffset> Times(IEnumerable<AuditRecord> records) => records.Select(r => r.EventTime);
}

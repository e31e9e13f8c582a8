using CsCheck;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.AuditStore.Tests;

/// <summary>
/// Random batches into both stores, random queries against both: the Redis store answers exactly
/// as the SQLite store. Values come from small pools so that filters hit, times tie and group
/// counts tie; the pools hold the awkward cases (no server, a server named "(none)", text whose
/// UTF-8 and UTF-16 orders differ, times before 1970 and at the ends of DateTimeOffset).
/// </summary>
public sealed class StoresAgreeProperties : IAsyncDisposable
{
    private static readonly string[] Servers = ["contoso", "fabrikam", "Ａ", "😀", "(none)"];
    private static readonly string[] Users = ["app", "app@contoso", "dbadmin"];
    private static readonly string[] Ips = ["203.0.113.7", "198.51.100.7", "2001:db8::1"];
    private static readonly string[] Statements =
        ["SELECT * FROM shop.orders", "INSERT INTO shop.t VALUES (1)", "CREATE TABLE shop.t (a INT)", "GRANT SELECT ON shop.* TO 'ana'@'%'", "SHOW TABLES", "SELEC 1"];

    private static readonly Gen<DateTimeOffset> Time = Gen.Frequency(
        (6, Gen.Int[0, 40].Select(i => Rows.T0.AddMinutes(i * 7))),
        (2, Gen.Long[-3 * 86_400_000L, 3 * 86_400_000L].Select(ms => Rows.T0.AddMilliseconds(ms))),
        (1, Gen.OneOf(DateTimeOffset.MinValue, DateTimeOffset.UnixEpoch.AddDays(-2), DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue)));

    private static readonly Gen<AuditRecord> Record =
        Gen.Select(Gen.Int[0, 3], Gen.OneOf(Servers), Gen.OneOf(Users), Gen.OneOf(Ips), Time, Gen.OneOf(Statements), Gen.Long[0, 5], Gen.Bool)
            .Select((kind, server, user, ip, at, sql, connection, db) => kind switch
            {
                0 => AuditRecord.Connect(server, "eastus", at, connection, ip, user, db ? "shop" : null, connection == 0 ? 1045 : 0),
                1 => AuditRecord.Disconnect(server, "eastus", at, connection, ip, user, db ? "shop" : null),
                2 => new AuditRecord(AuditEventClass.general_log, AuditEventSubclass.LOG, at, connection, ip, user, db ? "shop" : null, sql, 0, server, "westeurope"),
                _ => new AuditRecord(AuditEventClass.general_log, AuditEventSubclass.ERROR, at, connection, ip, user, null, sql, 1142, server, "eastus"),
            });

    private static readonly Gen<GatewayLogRecord> Decision =
        Gen.Select(Time, Gen.OneOf("40.71.8.203", "40.68.37.158"), Gen.OneOf<string?>([.. Servers, null, null]), Gen.OneOf(Users),
                Gen.Enum<ConnectionReason>(), Gen.OneOf<string?>("office", null), Gen.OneOf(Ips))
            .Select((at, gateway, server, user, reason, rule, ip) =>
                new GatewayLogRecord(at, gateway, server, $"internet address {ip}", user, reason, (int)reason * 1000, rule, gateway.StartsWith("40.71", StringComparison.Ordinal) ? "eastus" : "westeurope"));

    private static readonly Gen<SecurityAlert> Alert =
        Gen.Select(Gen.Enum<ThreatAlertKind>(), Gen.Enum<AlertSeverity>(), Gen.OneOf(Servers), Gen.OneOf(Ips), Gen.OneOf(Users), Time)
            .Select((kind, severity, server, ip, user, at) => new SecurityAlert(kind.Id(), kind, severity, server, ip, user, at, $"{kind} from {ip}"));

    private static readonly Gen<(AuditRecord[] Records, GatewayLogRecord[] Decisions, SecurityAlert[] Alerts)> Batch =
        Gen.Select(Record.Array[0, 30], Decision.Array[0, 12], Alert.Array[0, 5]);

    private static readonly Gen<AuditQuery> Query =
        Gen.Select(Gen.OneOf<string?>([.. Servers, null, null, null]), Gen.OneOf<string?>([.. ServerParameters.AuditEventNames, null, null, null]),
                Gen.OneOf<string?>([.. Users, null, null]), Gen.OneOf<string?>([.. Ips, null, null]),
                Gen.Frequency((1, Time.Select(t => (DateTimeOffset?)t)), (1, Gen.Const((DateTimeOffset?)null))),
                Gen.Frequency((1, Time.Select(t => (DateTimeOffset?)t)), (1, Gen.Const((DateTimeOffset?)null))),
                Gen.OneOf(-1, 0, 1, 3, 10, 1000))
            .Select((server, eventName, user, ip, since, until, limit) =>
                new AuditQuery { Server = server, Event = eventName, User = user, Ip = ip, Since = since, Until = until, Limit = limit });

    private readonly TestRedis _redis = new();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public Task Random_batches_and_queries_give_the_same_answers_from_both_stores() =>
        Gen.Select(Batch.Array[1, 5], Query.Array[1, 8], Gen.OneOf(1, 2, 5, 1000)).SampleAsync(async sample =>
        {
            // Small pages make the Redis store page through these small logs and stop early, as
            // it does through large ones.
            var (batches, queries, pageSize) = sample;
            var folder = Directory.CreateTempSubdirectory("fleetsim-audit-agree-");
            try
            {
                await using var sqlite = new SqliteAuditStore(Path.Combine(folder.FullName, "audit.db"), forQueries: true);
                await using var redis = _redis.Open(pageSize);
                foreach (var (records, decisions, alerts) in batches)
                {
                    await sqlite.AppendAsync(records, decisions, alerts);
                    await redis.AppendAsync(records, decisions, alerts);
                }
                foreach (var query in queries)
                {
                    Assert.Equal(await sqlite.QueryAsync(query), await redis.QueryAsync(query));
                    Assert.Equal(await sqlite.QueryGatewayAsync(query), await redis.QueryGatewayAsync(query));
                    Assert.Equal(await sqlite.AlertsAsync(query), await redis.AlertsAsync(query));
                }
                AuditStoreContract.AssertSameStats(await sqlite.StatsAsync(), await redis.StatsAsync());
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }, iter: 200);
}

using System.Diagnostics;
using FleetSim.AuditStore;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Threats;

namespace FleetSim.LoadTests.Bench;

/// <summary>
/// The store floor: connections per second the audit store alone absorbs. One connection leaves
/// three rows (its CONNECT and DISCONNECT audit records and its gateway decision); they are
/// appended the way the audit sinks append them, one batch per store call, one call at a time.
/// </summary>
public static class StoreFloor
{
    /// <summary>A sink writes once it holds this many records (AuditSinkGrain's write threshold).</summary>
    public const int SinkBatchRecords = 4096;

    public const int RecordsPerConnection = 3;

    /// <summary>Connections per store call: the fewest whose records reach a sink's write threshold.</summary>
    public const int ConnectionsPerBatch = (SinkBatchRecords + RecordsPerConnection - 1) / RecordsPerConnection;

    private static readonly SecurityAlert[] NoAlerts = [];

    /// <summary>Appends whole batches to the store for the duration; returns connections per second.</summary>
    public static async Task<double> ConnectionsPerSecond(IAuditStore store, TimeSpan duration, IReadOnlyList<ConnectionRows> batches)
    {
        long connections = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            var batch = batches[i % batches.Count];
            await store.AppendAsync(batch.Records, batch.Decisions, NoAlerts);
            connections += batch.Connections;
        }
        return connections / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Batches of what connections to these servers leave, with the field sizes of real ones
    /// (names, addresses, users); distinct batches so that no write repeats the last one's rows.
    /// </summary>
    public static IReadOnlyList<ConnectionRows> Batches(IReadOnlyList<(string Server, string Region, string User, string Ip)> servers, int count = 4)
    {
        var at = DateTimeOffset.UtcNow;
        var batches = new List<ConnectionRows>(count);
        long connectionId = 0;
        for (var b = 0; b < count; b++)
        {
            var records = new List<AuditRecord>(ConnectionsPerBatch * 2);
            var decisions = new List<GatewayLogRecord>(ConnectionsPerBatch);
            for (var c = 0; c < ConnectionsPerBatch; c++)
            {
                var (server, region, user, ip) = servers[(int)(connectionId % servers.Count)];
                connectionId++;
                var login = user[..user.IndexOf('@', StringComparison.Ordinal)];
                decisions.Add(new GatewayLogRecord(at, "40.112.0.10", server, $"internet address {ip}", user, ConnectionReason.Allowed, 0, "rule-000", region));
                records.Add(AuditRecord.Connect(server, region, at, connectionId, ip, login, null));
                records.Add(AuditRecord.Disconnect(server, region, at, connectionId, ip, login, null));
            }
            batches.Add(new ConnectionRows(records, decisions, ConnectionsPerBatch));
        }
        return batches;
    }
}

/// <summary>One store call's worth of connections: their audit records and gateway decisions.</summary>
public sealed record ConnectionRows(IReadOnlyList<AuditRecord> Records, IReadOnlyList<GatewayLogRecord> Decisions, int Connections);

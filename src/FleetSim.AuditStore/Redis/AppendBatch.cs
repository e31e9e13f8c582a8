using System.Globalization;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>The keys and arguments of one <see cref="AppendScript"/> call for a batch.</summary>
internal sealed class AppendBatch
{
    private readonly List<RedisKey> _streamKeys = [];
    private readonly List<RedisValue> _entries = [];
    private readonly List<RedisKey> _countKeys = [];
    private readonly List<RedisValue> _counts = [];
    private int _partitions;

    public RedisKey[] Keys => [.. _streamKeys, .. _countKeys];

    public RedisValue[] Values => [_partitions, .. _entries, .. _counts];

    /// <summary>Encodes a batch; a row the SQLite schema would refuse fails it here, before Redis sees any of it.</summary>
    public static AppendBatch Encode(RedisKeys keys, IReadOnlyList<AuditRecord> records, IReadOnlyList<GatewayLogRecord> decisions, IReadOnlyList<SecurityAlert> alerts)
    {
        var storedRecords = records.Select(StoredRecord.From).ToList();
        var storedDecisions = decisions.Select(StoredDecision.From).ToList();
        var storedAlerts = alerts.Select(StoredAlert.From).ToList();
        var batch = new AppendBatch();
        batch.Add(keys, StreamKind.Records, storedRecords, r => r.Time, StoredJson.Write);
        batch.Add(keys, StreamKind.Decisions, storedDecisions, d => d.Time, StoredJson.Write);
        batch.Add(keys, StreamKind.Alerts, storedAlerts, a => a.Time, StoredJson.Write);
        var tallies = Counts.Of(storedRecords, storedDecisions, storedAlerts);
        for (var i = 0; i < tallies.Count; i++)
        {
            if (tallies[i].Count == 0)
                continue;
            var (kind, dimension) = Counts.Dimensions[i];
            batch._countKeys.Add(keys.Counts(kind, dimension));
            batch._counts.Add(tallies[i].Count);
            foreach (var (field, count) in tallies[i])
            {
                batch._counts.Add(field);
                batch._counts.Add(count);
            }
        }
        return batch;
    }

    private void Add<T>(RedisKeys keys, StreamKind kind, List<T> rows, Func<T, long> time, Func<T, byte[]> json)
    {
        // Rows keep their batch order within a partition: among rows of one time, that order is the
        // order of arrival, which queries list them in (as the SQLite store lists by rowid).
        foreach (var partition in rows.GroupBy(row => RedisKeys.PartitionOf(time(row))))
        {
            _partitions++;
            _streamKeys.Add(keys.Stream(kind, partition.Key));
            _streamKeys.Add(keys.Bounds(kind));
            _entries.Add(partition.Key.ToString(CultureInfo.InvariantCulture));
            _entries.Add(partition.Count());
            foreach (var row in partition)
            {
                _entries.Add(time(row));
                _entries.Add(json(row));
            }
        }
    }
}

using System.Globalization;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>One row a query keeps, with its event time.</summary>
internal readonly record struct Found<T>(long Time, T Row);

/// <summary>
/// Reads a log in the SQLite store's order, event time then arrival (ORDER BY time, id), up to a
/// limit. Partitions are read oldest first; within one, XRANGE is narrowed to the ids the window's
/// entries can have (ids are at least their time and at most "late" beyond it), read in pages, and
/// the scan stops once no entry further on can sort before the rows already kept.
/// </summary>
internal sealed class StreamScan(IDatabase database, RedisKeys keys, int pageSize)
{
    public const int DefaultPageSize = 1000;

    /// <param name="limit">As SQL's LIMIT: 0 reads nothing, a negative limit reads everything.</param>
    /// <param name="match">The row of an entry (its id and JSON) when it passes the query's other filters, else null.</param>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(StreamKind kind, TimeWindow window, int limit, Func<StreamEntry, Found<T>?> match,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        if (limit == 0)
            return rows;
        // Read once, this is the query's snapshot: each partition is read up to its newest id as
        // of now, so a batch appended meanwhile is left out whole rather than seen in part.
        var partitions = PartitionBounds.Parse(await database.HashGetAllAsync(keys.Bounds(kind)));
        foreach (var partition in partitions.Where(p => window.Overlaps(p.Start)))
        {
            var wanted = limit < 0 ? int.MaxValue : limit - rows.Count;
            rows.AddRange(await ReadPartitionAsync(kind, partition, window, wanted, match, cancellationToken));
            if (limit > 0 && rows.Count >= limit)
                break;
        }
        return rows;
    }

    private async Task<IEnumerable<T>> ReadPartitionAsync<T>(StreamKind kind, PartitionBounds partition, TimeWindow window, int wanted,
        Func<StreamEntry, Found<T>?> match, CancellationToken cancellationToken)
    {
        var low = Math.Max(Math.Max(window.Since ?? long.MinValue, partition.Start), 0);
        var high = Math.Min(window.Until is { } until ? until - 1 : long.MaxValue, partition.Start + RedisKeys.PartitionMilliseconds - 1) + partition.Late;
        if (high < low)
            return [];
        RedisValue start = Id(low);
        RedisValue end = high >= partition.NewestMilliseconds ? partition.NewestId : Id(high);
        var stream = keys.Stream(kind, partition.Start);
        var kept = new List<(long Time, long Arrival, T Row)>();
        long arrival = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await database.StreamRangeAsync(stream, start, end, pageSize);
            foreach (var entry in page)
            {
                if (match(entry) is { } found && window.Contains(found.Time))
                    kept.Add((found.Time, arrival++, found.Row));
            }
            if (page.Length < pageSize)
                break;
            var last = (string)page[^1].Id!;
            start = "(" + last;
            if (kept.Count >= wanted)
            {
                Keep(kept, wanted);
                // Every entry further on has a time of at least its id minus "late": none of them
                // can come before the last row kept.
                if (PartitionBounds.IdMilliseconds(last) - partition.Late >= kept[^1].Time)
                    break;
            }
        }
        Keep(kept, wanted);
        return kept.Select(k => k.Row);
    }

    private static void Keep<T>(List<(long Time, long Arrival, T Row)> kept, int wanted)
    {
        kept.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Arrival.CompareTo(b.Arrival));
        if (kept.Count > wanted)
            kept.RemoveRange(wanted, kept.Count - wanted);
    }

    // An id of milliseconds alone means "-0" as XRANGE's start and "-(every sequence)" as its end.
    private static string Id(long milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture);
}

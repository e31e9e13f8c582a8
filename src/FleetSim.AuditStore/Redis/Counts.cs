using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>
/// The counts behind StatsAsync, one hash per GROUP BY of the SQLite store's, kept up to date by
/// every append in the same script as its entries: stats read six small hashes, never a stream.
/// </summary>
internal static class Counts
{
    public static readonly (StreamKind Kind, string Dimension)[] Dimensions =
    [
        (StreamKind.Records, "server"),
        (StreamKind.Records, "event"),
        (StreamKind.Decisions, "reason"),
        (StreamKind.Alerts, "alert"),
        (StreamKind.Decisions, "server"),
        (StreamKind.Decisions, "gateway"),
    ];

    /// <summary>The fields of one batch, by dimension, in the order of <see cref="Dimensions"/>.</summary>
    public static IReadOnlyList<Dictionary<string, long>> Of(
        IReadOnlyList<StoredRecord> records, IReadOnlyList<StoredDecision> decisions, IReadOnlyList<StoredAlert> alerts) =>
    [
        Tally(records, r => r.Server),
        Tally(records, r => $"{r.EventClass}/{r.EventSubclass} {r.Event}"),
        Tally(decisions, d => d.Reason),
        Tally(alerts, a => $"{a.AlertType} ({a.Severity})"),
        Tally(decisions, d => ServerField(d.Server)),
        Tally(decisions, d => $"{d.Gateway} ({d.Region})"),
    ];

    /// <summary>The stats from the hashes, read in the order of <see cref="Dimensions"/>.</summary>
    public static AuditStats Stats(IReadOnlyList<HashEntry[]> hashes)
    {
        var byServer = Ordered(hashes[0], name => name, top: null);
        var byReason = Ordered(hashes[2], name => name, top: null);
        var byAlert = Ordered(hashes[3], name => name, top: null);
        return new AuditStats(
            byServer.Sum(c => c.Count), byReason.Sum(c => c.Count), byAlert.Sum(c => c.Count),
            byServer, Ordered(hashes[1], name => name, top: null), byReason, byAlert,
            Ordered(hashes[4], ServerOf, top: 10), Ordered(hashes[5], name => name, top: 10));
    }

    // A decision whose routing failed has no server: its own field, which no server name can equal.
    private const string NoServer = "-";

    private static string ServerField(string? server) => server is null ? NoServer : "=" + server;

    private static string? ServerOf(string field) => field == NoServer ? null : field[1..];

    private static Dictionary<string, long> Tally<T>(IReadOnlyList<T> rows, Func<T, string> key)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
            counts[key(row)] = counts.GetValueOrDefault(key(row)) + 1;
        return counts;
    }

    // ORDER BY count DESC, key (SQLite's BINARY order, NULL first) [LIMIT top]; NULL shows as "(none)".
    private static List<(string Key, long Count)> Ordered(HashEntry[] entries, Func<string, string?> key, int? top) =>
    [
        .. entries
            .Select(e => (Key: key(e.Name!), Count: (long)e.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key, SqliteTextOrder.Instance)
            .Take(top ?? int.MaxValue)
            .Select(c => (c.Key ?? "(none)", c.Count)),
    ];
}

using System.Globalization;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>The three logs of the store.</summary>
internal enum StreamKind
{
    Records,
    Decisions,
    Alerts,
}

/// <summary>
/// Every key of the store, all under one prefix. Each log is cut into one stream per hour of event
/// time (<c>records:1764320400000</c>): a query's since/until picks a few streams, and a record
/// that arrives late (an outbox flushed after others, a replayed attempt with an old time) lands
/// in its own hour instead of pushing every later entry's id ahead of its time.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public const long PartitionMilliseconds = 3_600_000;

    public string Prefix => prefix;

    public RedisKey Stream(StreamKind kind, long partition) => $"{prefix}{Name(kind)}:{partition.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A hash with, per partition of the log, its newest entry id and how far ids run ahead of event times.</summary>
    public RedisKey Bounds(StreamKind kind) => $"{prefix}{Name(kind)}:bounds";

    /// <summary>A hash of counts by one dimension, what StatsAsync reads.</summary>
    public RedisKey Counts(StreamKind kind, string dimension) => $"{prefix}{Name(kind)}:count:{dimension}";

    /// <summary>The start of the hour a time falls in (rounded down, also before 1970).</summary>
    public static long PartitionOf(long milliseconds)
    {
        var hours = milliseconds / PartitionMilliseconds;
        if (milliseconds % PartitionMilliseconds < 0)
            hours--;
        return hours * PartitionMilliseconds;
    }

    private static string Name(StreamKind kind) => kind switch
    {
        StreamKind.Records => "records",
        StreamKind.Decisions => "decisions",
        _ => "alerts",
    };
}

namespace FleetSim.AuditStore.Redis;

/// <summary>A query's since (inclusive) and until (exclusive) in Unix milliseconds, as the SQLite store compares them.</summary>
internal readonly record struct TimeWindow(long? Since, long? Until)
{
    public static TimeWindow Of(AuditQuery query) => new(query.Since?.ToUnixTimeMilliseconds(), query.Until?.ToUnixTimeMilliseconds());

    public bool Contains(long time) => (Since is not { } since || time >= since) && (Until is not { } until || time < until);

    public bool Overlaps(long partition) =>
        (Since is not { } since || partition + RedisKeys.PartitionMilliseconds > since) && (Until is not { } until || partition < until);
}

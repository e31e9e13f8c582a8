namespace FleetSim.AuditStore;

/// <summary>
/// Opens the audit store a location names: <c>redis://host:port[,options]</c> is a Redis server
/// (what a cluster of silos on several machines shares), anything else a SQLite file.
/// </summary>
public static class AuditStores
{
    public const string RedisScheme = "redis://";

    public static bool IsRedis(string location) => location.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase);

    /// <param name="location">A SQLite file path or a redis:// location.</param>
    /// <param name="forQueries">The reader's side (CLI): builds what queries need that writers skip.</param>
    public static IAuditStore Open(string location, bool forQueries = false) =>
        IsRedis(location)
            ? throw new NotSupportedException($"the Redis audit store is not built yet ({location})")
            : new SqliteAuditStore(location, forQueries);

    /// <summary>Whether there is a store to read there (a Redis server is asked when opened, not here).</summary>
    public static bool Exists(string location) => IsRedis(location) || File.Exists(location);
}

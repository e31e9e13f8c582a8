using FleetSim.AuditStore.Redis;

namespace FleetSim.AuditStore;

/// <summary>
/// Opens the audit store a location names: <c>redis://host:port[,options]</c> is a Redis server
/// (what a cluster of silos on several machines shares), anything else a SQLite file.
/// </summary>
public static class AuditStores
{
    public const string RedisScheme = "redis://";

    public static bool IsRedis(string location) => location.StartsWith(RedisScheme, StringComparison.OrdinalIgnoreCase);

    /// <param name="location">A SQLite file path, or redis://host:port[,StackExchange.Redis options][,prefix=KEY-PREFIX].</param>
    /// <param name="forQueries">
    /// The reader's side (CLI): builds what queries need that writers skip. The Redis store has
    /// nothing to build: it keeps its counts as it writes.
    /// </param>
    /// <exception cref="AuditStoreLocationException">A redis:// location that is malformed or names too old a server.</exception>
    /// <exception cref="AuditStoreUnreachableException">No Redis answered at a redis:// location.</exception>
    public static IAuditStore Open(string location, bool forQueries = false) =>
        IsRedis(location)
            ? RedisAuditStore.Open(location)
            : new SqliteAuditStore(location, forQueries);

    /// <summary>The location as it may be shown: a Redis password is masked.</summary>
    public static string Display(string location) => IsRedis(location) ? Redis.RedisLocation.Redacted(location) : location;

    /// <summary>Whether there is a store to read there (a Redis server is asked when opened, not here).</summary>
    public static bool Exists(string location) => IsRedis(location) || File.Exists(location);
}

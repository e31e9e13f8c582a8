using FleetSim.Storage.Redis;

namespace FleetSim.Storage;

/// <summary>Opens the state store a location names, from outside the silos (key rotation, inspection).</summary>
public static class StateStores
{
    /// <param name="location">A SQLite file, or redis://host:port[,options].</param>
    /// <param name="serviceId">The Orleans ServiceId whose states a Redis server holds (a SQLite file holds one service's).</param>
    public static IStateStore Open(string location, string serviceId) =>
        RedisStateLocation.IsRedis(location)
            ? new RedisStateStore(RedisStateLocation.Parse(location), serviceId)
            : new SqliteStateStore(location);

    /// <summary>Whether there may be a store to open there (a Redis server is asked when opened, not here).</summary>
    public static bool Exists(string location) => RedisStateLocation.IsRedis(location) || File.Exists(location);
}

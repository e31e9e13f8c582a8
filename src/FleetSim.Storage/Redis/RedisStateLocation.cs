using StackExchange.Redis;

namespace FleetSim.Storage.Redis;

/// <summary>A state store location of the form <c>redis://host:port[,StackExchange.Redis options]</c>.</summary>
public static class RedisStateLocation
{
    public const string Scheme = "redis://";

    public static bool IsRedis(string location) => location.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The client configuration the location names: what follows the scheme, in StackExchange.Redis' own syntax.</summary>
    /// <exception cref="ArgumentException">Not a redis:// location, or options StackExchange.Redis does not know.</exception>
    public static ConfigurationOptions Parse(string location)
    {
        if (!IsRedis(location))
            throw new ArgumentException($"'{location}' is not a {Scheme} location", nameof(location));
        var configuration = location[Scheme.Length..].TrimEnd('/');
        if (configuration.Length == 0)
            throw new ArgumentException($"'{location}' names no Redis server: write {Scheme}host:port", nameof(location));
        return ConfigurationOptions.Parse(configuration);
    }

    /// <summary>The location as messages may show it: without a password.</summary>
    public static string Describe(ConfigurationOptions configuration) => Scheme + configuration.ToString(includePassword: false);
}

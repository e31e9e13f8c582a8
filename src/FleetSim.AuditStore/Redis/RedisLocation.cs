using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>
/// A location <c>redis://host:port[,option=value...]</c>: StackExchange.Redis's configuration
/// options, plus FleetSim's <c>prefix=</c> for every key of the store (default
/// <see cref="DefaultPrefix"/>), so that several services and test runs can share one Redis.
/// </summary>
internal sealed partial record RedisLocation(ConfigurationOptions Options, string Prefix, string Display)
{
    public const string DefaultPrefix = "fleetsim:audit:";

    private const string PrefixOption = "prefix=";

    /// <exception cref="AuditStoreLocationException">Not a location StackExchange.Redis can use.</exception>
    public static RedisLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var display = Redacted(location);
        var prefix = DefaultPrefix;
        var options = new List<string>();
        foreach (var part in location[AuditStores.RedisScheme.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(PrefixOption, StringComparison.OrdinalIgnoreCase))
                prefix = part[PrefixOption.Length..];
            else
                options.Add(part);
        }
        if (prefix.Length == 0)
            throw new AuditStoreLocationException($"audit store {display}: prefix= is empty (the store would mix its keys with everything else in that Redis)");

        if (options.Count == 0)
            throw new AuditStoreLocationException($"audit store {display}: no host:port, e.g. redis://127.0.0.1:6379");
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(string.Join(',', options));
        }
        catch (ArgumentException e)
        {
            throw new AuditStoreLocationException($"audit store {display}: {e.Message}");
        }
        if (configuration.EndPoints.Count == 0)
            throw new AuditStoreLocationException($"audit store {display}: no host:port, e.g. redis://127.0.0.1:6379");

        // An unreachable store should fail an open within seconds (the CLI's promise for clusters),
        // not after StackExchange.Redis's three attempts; each of these can be set in the location.
        if (!Names(options, "abortConnect"))
            configuration.AbortOnConnectFail = true;
        if (!Names(options, "connectRetry"))
            configuration.ConnectRetry = 1;
        if (!Names(options, "connectTimeout"))
            configuration.ConnectTimeout = 5000;
        return new RedisLocation(configuration, prefix, display);
    }

    private static bool Names(List<string> options, string name) =>
        options.Exists(o => o.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase));

    // Locations end up in error messages and logs: never with the password.
    internal static string Redacted(string location) => Password().Replace(location, "$1*****");

    [GeneratedRegex("((?:^|,)\\s*password\\s*=)[^,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Password();
}

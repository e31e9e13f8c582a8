using System.Globalization;
using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Spec;

/// <summary>
/// A server's system variables as a session reads them (@@name, SHOW VARIABLES): the version the
/// managed service reports, the server parameters FleetSim models with their defaults or configured
/// values, and the connection settings a client may ask about.
/// </summary>
public static class ServerVariables
{
    /// <summary>The MariaDB version of the simulated service (the 10.3 family Azure Database for MariaDB runs).</summary>
    public const string Version = "10.3.23-MariaDB";

    public const string VersionComment = "FleetSim: simulated Azure Database for MariaDB";

    /// <summary>The largest packet a client may send, as the service configures it.</summary>
    public const int MaxAllowedPacket = 16_777_216;

    /// <summary>Seconds a client may take to log in before the server drops it.</summary>
    public const int ConnectTimeoutSeconds = 10;

    public static IReadOnlyDictionary<string, string> For(ServerSpec spec, ServerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(policy);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = Version,
            ["version_comment"] = VersionComment,
            ["autocommit"] = "1",
            ["character_set_client"] = "utf8mb4",
            ["connect_timeout"] = ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["have_ssl"] = "YES",
            ["hostname"] = spec.Name!,
            ["max_allowed_packet"] = MaxAllowedPacket.ToString(CultureInfo.InvariantCulture),
            ["require_secure_transport"] = policy.SslEnforcement ? "ON" : "OFF",
            ["tls_version"] = "TLSv1.2,TLSv1.3",
            ["wait_timeout"] = "28800",
        };
        foreach (var (name, value) in ServerParameters.Defaults)
            variables[name] = value;
        foreach (var (name, value) in spec.Configurations)
            variables[name.ToLowerInvariant()] = value;
        variables[ServerParameters.MaxConnections] = policy.MaxConnections.ToString(CultureInfo.InvariantCulture);
        return variables;
    }
}

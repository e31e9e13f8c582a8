namespace FleetSim.Policy.Spec;

/// <summary>
/// [FleetSim rule] How the simulated threat detection judges logins, for the whole fleet. Durations
/// are written as a whole number and a unit, see <see cref="SpecDuration"/>: "30s", "10m", "1h", "7d".
/// Which servers are covered is each server's own threatProtection policy.
/// </summary>
public sealed record ThreatDetectionSpec
{
    /// <summary>
    /// How long a server learns its baseline (users, domains, locations, cloud providers, Azure
    /// regions) before unseen values raise anomalies. The real service learns for 60 days; FleetSim's
    /// default is 7 days so that a demo shows anomalies. Zero means no learning: every first value alerts.
    /// </summary>
    public string? LearningPeriod { get; init; } = "7d";

    /// <summary>Failed logins from one address to one server, within <see cref="BruteForceWindow"/>, that make a brute-force attack.</summary>
    public int BruteForceThreshold { get; init; } = 10;

    public string? BruteForceWindow { get; init; } = "10m";

    /// <summary>
    /// Client program names of tools commonly used for attacks (HarmfulApplication), compared
    /// case-insensitively with the first word of the client's program name ("sqlmap/1.8" is sqlmap).
    /// </summary>
    public List<string> HarmfulApplications { get; init; } = [.. DefaultHarmfulApplications];

    /// <summary>An alert of the same kind about the same thing (address, user, value) is not repeated within this time; zero repeats every one.</summary>
    public string? AlertSuppression { get; init; } = "1h";

    public static IReadOnlyList<string> DefaultHarmfulApplications { get; } =
    [
        "sqlmap", "hydra", "medusa", "ncrack", "nmap", "metasploit", "msfconsole", "havij", "sqlninja",
        "bbqsql", "jsql", "patator", "crowbar", "sqlsus",
    ];
}

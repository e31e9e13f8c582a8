namespace FleetSim.LoadTests.Wire;

/// <summary>What the figures depend on besides the code: when, the real server's version, and how busy the machine was.</summary>
/// <param name="LoadAverageBefore">/proc/loadavg's 1, 5 and 15-minute load averages when the run started.</param>
public sealed record WireRunFacts(DateTimeOffset Started, string? MariaDbVersion, string LoadAverageBefore, string LoadAverageAfter)
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

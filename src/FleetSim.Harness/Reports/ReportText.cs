using System.Globalization;

namespace FleetSim.Harness;

/// <summary>How figures read in every report: one rendering of a number, a latency, a verdict.</summary>
internal static class ReportText
{
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.000" : ms < 1000 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public static string Rps(double rps) => rps.ToString(rps < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public static string Rate(double fraction) => fraction.ToString(fraction is > 0 and < 0.0001 ? "0.####%" : "0.##%", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024d * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };

    public static string Verdict(RunResult result) =>
        result.Aborted ? "ABORTED" : result.Passed ? "PASSED" : "FAILED";

    public static string VerdictReason(RunResult result)
    {
        var broken = result.BrokenThresholds.Count;
        if (result.Aborted)
            return result.AbortReason!;
        return broken == 0
            ? (result.Thresholds.Count == 0 ? "no thresholds" : $"all {result.Thresholds.Count} thresholds kept")
            : $"{broken} of {result.Thresholds.Count} thresholds broken";
    }

    /// <summary>"scenario" or "scenario/step", as thresholds name it.</summary>
    public static string QualifiedName(CallStats stats) => stats.Step is null ? stats.Scenario : $"{stats.Scenario}/{stats.Step}";

    public static string QualifiedName(IntervalStats row) => row.Step is null ? row.Scenario : $"{row.Scenario}/{row.Step}";
}

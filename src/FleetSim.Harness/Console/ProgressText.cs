using System.Globalization;

namespace FleetSim.Harness;

/// <summary>How progress figures read, shared by the live and plain views.</summary>
internal static class ProgressText
{
    public static string Elapsed(TimeSpan elapsed, TimeSpan? planned) =>
        planned is { } total ? $"{Clock(elapsed)} / {Clock(total)}" : Clock(elapsed);

    public static string Clock(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// running, warm-up, done; and between running and done, while held sessions end after the
    /// planned time, how many are left, so that a run waiting for them does not look stuck.
    /// </summary>
    public static string State(ScenarioProgress scenario) => scenario switch
    {
        { Finished: true, Draining: > 0 } => $"draining ({Count(scenario.Draining)} {(scenario.Draining == 1 ? "session" : "sessions")})",
        { Finished: true } => "done",
        { WarmingUp: true } => "warm-up",
        _ => "running",
    };

    public static string Milliseconds(double ms) => double.IsNaN(ms) ? "-" : ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double rate) => rate.ToString(rate < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture) + "/s";

    /// <summary>The few most frequent outcomes, e.g. "OK 1,000 · FirewallDenied 12".</summary>
    public static string Outcomes(IReadOnlyList<OutcomeCount> outcomes, int top = 4)
    {
        var shown = outcomes.Take(top).Select(outcome => $"{outcome.StatusCode} {Count(outcome.Count)}");
        var text = string.Join(" · ", shown);
        return outcomes.Count > top ? text + $" · +{outcomes.Count - top} more" : text;
    }
}

using System.Text;

namespace FleetSim.Harness;

/// <summary>
/// The end-of-run summary a person reads in five seconds: the verdict first, one line per scenario
/// with the figures that matter, the broken thresholds, then the details.
/// </summary>
internal static class RunSummary
{
    public static string Format(RunResult result)
    {
        var text = new StringBuilder();
        text.Append($"{ReportText.Verdict(result)}  {result.TestName}: {ReportText.VerdictReason(result)}\n");
        text.Append($"ran {ReportText.Seconds(result.Duration)}");
        var warmUp = result.Scenarios.Max(scenario => scenario.WarmUp);
        if (warmUp > TimeSpan.Zero)
            text.Append($" (warm-up {ReportText.Seconds(warmUp)} excluded)");
        text.Append("; latency of ok calls in ms\n\n");

        var table = new TextTable("scenario", "ok", "fail", "rps", "p50", "p99", "max", "dropped");
        foreach (var scenario in result.Scenarios)
        {
            Add(table, scenario.Totals, scenario.DroppedCount);
            foreach (var step in scenario.Steps)
                Add(table, step, null);
        }
        if (result.Scenarios.Count > 1)
            Add(table, result.All, result.DroppedCount);
        table.WriteTo(text);

        var outcomes = result.Scenarios.Where(scenario => scenario.Totals.Outcomes.Count > 1 || scenario.Totals.FailCount > 0).ToArray();
        if (outcomes.Length > 0)
        {
            text.Append("\noutcomes\n");
            foreach (var scenario in outcomes)
                text.Append($"  {scenario.Name}: {ProgressText.Outcomes(scenario.Totals.Outcomes, top: 6)}\n");
        }

        if (result.Thresholds.Count > 0)
        {
            text.Append("\nthresholds\n");
            foreach (var threshold in result.Thresholds.OrderBy(threshold => threshold.Passed))
                text.Append($"  {(threshold.Passed ? "kept  " : "BROKEN")}  {threshold.Message}\n");
        }

        if (result.Notes.Count > 0)
        {
            text.Append("\nnotes\n");
            foreach (var note in result.Notes)
                text.Append($"  {note.Label}: {note.Value}\n");
        }

        if (result.ReportFiles.Count > 0)
            text.Append($"\nreports: {string.Join(", ", result.ReportFiles)}\n");
        return text.ToString();
    }

    private static void Add(TextTable table, CallStats stats, long? dropped) => table.Add(
        stats.Step is null ? stats.Scenario : $"  step {stats.Step}",
        ReportText.Count(stats.OkCount),
        ReportText.Count(stats.FailCount),
        ReportText.Rps(stats.Rps),
        ReportText.Ms(stats.Ok.P50Ms),
        ReportText.Ms(stats.Ok.P99Ms),
        ReportText.Ms(stats.Ok.MaxMs),
        dropped is { } count ? ReportText.Count(count) : "");
}

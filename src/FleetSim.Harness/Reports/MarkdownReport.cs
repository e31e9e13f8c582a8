using System.Globalization;
using System.Text;

namespace FleetSim.Harness;

/// <summary>The report as Markdown tables, for pull requests and issues. Latencies in ms of ok calls.</summary>
internal static class MarkdownReport
{
    public static string Render(RunResult result)
    {
        var md = new StringBuilder();
        md.Append($"# {Escape(result.TestName)}: {ReportText.Verdict(result)}\n\n");
        md.Append($"{Escape(ReportText.VerdictReason(result))}. Started {result.StartedAt.ToString("u", CultureInfo.InvariantCulture)}, ran {ReportText.Seconds(result.Duration)}, reporting interval {ReportText.Seconds(result.ReportingInterval)}.\n\n");

        md.Append("## Scenarios and steps\n\n");
        md.Append("| name | ok | fail | fail rate | rps | min | mean | p50 | p75 | p95 | p99 | p99.9 | max | stddev | data | dropped |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var scenario in result.Scenarios)
        {
            Row(md, scenario.Totals, ReportText.Count(scenario.DroppedCount));
            foreach (var step in scenario.Steps)
                Row(md, step, "");
        }
        if (result.Scenarios.Count > 1)
            Row(md, result.All, ReportText.Count(result.DroppedCount));

        md.Append("\n## Load simulations\n\n| scenario | warm-up | simulations | late starts | max active copies |\n|---|---:|---|---:|---:|\n");
        foreach (var scenario in result.Scenarios)
            md.Append($"| {Escape(scenario.Name)} | {ReportText.Seconds(scenario.WarmUp)} | {Escape(string.Join(", then ", scenario.Simulations))} | {ReportText.Count(scenario.LateCount)} | {scenario.MaxActiveCopies} |\n");

        md.Append("\n## Outcomes by reason\n\n| scenario | step | status | result | count | share |\n|---|---|---|---|---:|---:|\n");
        foreach (var stats in result.Scenarios.SelectMany(scenario => scenario.Steps.Prepend(scenario.Totals)))
        {
            foreach (var outcome in stats.Outcomes)
                md.Append($"| {Escape(stats.Scenario)} | {Escape(stats.Step ?? "")} | {Escape(outcome.StatusCode)} | {(outcome.IsError ? "fail" : "ok")} | {ReportText.Count(outcome.Count)} | {ReportText.Rate(stats.Count == 0 ? 0 : (double)outcome.Count / stats.Count)} |\n");
        }

        md.Append("\n## Thresholds\n\n");
        if (result.Thresholds.Count == 0)
            md.Append("None.\n");
        else
        {
            md.Append("| threshold | result | measured |\n|---|---|---|\n");
            foreach (var threshold in result.Thresholds)
                md.Append($"| `{threshold.Threshold}` | {(threshold.Passed ? "kept" : "**broken**")} | {Escape(threshold.Message)} |\n");
        }

        if (result.Notes.Count > 0)
        {
            md.Append("\n## Notes\n\n");
            foreach (var note in result.Notes)
                md.Append($"- {Escape(note.Label)}: {Escape(note.Value)}\n");
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, CallStats stats, string dropped)
    {
        var ok = stats.Ok;
        var name = stats.Step is null ? $"**{Escape(stats.Scenario)}**" : $"{Escape(stats.Scenario)}/{Escape(stats.Step)}";
        md.Append($"| {name} | {ReportText.Count(stats.OkCount)} | {ReportText.Count(stats.FailCount)} | {ReportText.Rate(stats.FailRate)} | {ReportText.Rps(stats.Rps)} | ");
        md.Append($"{ReportText.Ms(ok.MinMs)} | {ReportText.Ms(ok.MeanMs)} | {ReportText.Ms(ok.P50Ms)} | {ReportText.Ms(ok.P75Ms)} | {ReportText.Ms(ok.P95Ms)} | ");
        md.Append($"{ReportText.Ms(ok.P99Ms)} | {ReportText.Ms(ok.P999Ms)} | {ReportText.Ms(ok.MaxMs)} | {ReportText.Ms(ok.StdDevMs)} | {ReportText.Bytes(stats.Bytes)} | {dropped} |\n");
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

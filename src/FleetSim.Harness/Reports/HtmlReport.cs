using System.Globalization;
using System.Net;
using System.Text;

namespace FleetSim.Harness;

/// <summary>
/// The report as one self-contained HTML file: the verdict, the tables, and charts over time
/// (latency percentiles of each step, then of the whole iteration; rate, active copies, outcomes
/// by reason) as inline SVG. No scripts, no external files: it opens anywhere and can be attached
/// to an issue.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1f2328;max-width:1200px}
        h1 .verdict{font-size:.6em;padding:.2em .6em;border-radius:.4em;vertical-align:middle;color:#fff}
        .PASSED{background:#1a7f37}.FAILED{background:#cf222e}.ABORTED{background:#9a6700}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:right}
        th:first-child,td:first-child,td.text{text-align:left}
        tr.step td:first-child{padding-left:1.6rem;color:#57606a}
        .broken{color:#cf222e;font-weight:600}.kept{color:#1a7f37}
        figure{margin:0 0 1rem}svg{max-width:100%;height:auto}figcaption{color:#57606a;font-size:.9rem;max-width:900px}
        """;

    public static string Render(RunResult result)
    {
        var html = new StringBuilder();
        var verdict = ReportText.Verdict(result);
        html.Append($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(result.TestName)}: {verdict}</title><style>{Style}</style></head><body>\n");
        html.Append($"<h1>{E(result.TestName)} <span class=\"verdict {verdict}\">{verdict}</span></h1>\n");
        html.Append($"<p>{E(ReportText.VerdictReason(result))}. Started {E(result.StartedAt.ToString("u", CultureInfo.InvariantCulture))}, ran {ReportText.Seconds(result.Duration)}; reporting interval {ReportText.Seconds(result.ReportingInterval)}. Latencies are of ok calls, in ms, measured from each iteration's intended start.</p>\n");

        html.Append("<h2 id=\"summary\">Scenarios and steps</h2>\n<table><tr><th>name</th><th>ok</th><th>fail</th><th>fail rate</th><th>rps</th><th>min</th><th>mean</th><th>p50</th><th>p75</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>stddev</th><th>data</th><th>dropped</th><th>late</th></tr>\n");
        foreach (var scenario in result.Scenarios)
        {
            Row(html, scenario.Totals, ReportText.Count(scenario.DroppedCount), ReportText.Count(scenario.LateCount));
            foreach (var step in scenario.Steps)
                Row(html, step, "", "");
        }
        if (result.Scenarios.Count > 1)
            Row(html, result.All, ReportText.Count(result.DroppedCount), "");
        html.Append("</table>\n");

        html.Append("<h2 id=\"thresholds\">Thresholds</h2>\n");
        if (result.Thresholds.Count == 0)
            html.Append("<p>None.</p>\n");
        else
        {
            html.Append("<table><tr><th>threshold</th><th>result</th><th>measured</th></tr>\n");
            foreach (var threshold in result.Thresholds)
                html.Append($"<tr><td><code>{E(threshold.Threshold.ToString())}</code></td><td class=\"text {(threshold.Passed ? "kept" : "broken")}\">{(threshold.Passed ? "kept" : "broken")}</td><td class=\"text\">{E(threshold.Message)}</td></tr>\n");
            html.Append("</table>\n");
        }

        html.Append("<h2 id=\"outcomes\">Outcomes by reason</h2>\n<table><tr><th>scenario</th><th>step</th><th>status</th><th>result</th><th>count</th><th>share</th></tr>\n");
        foreach (var stats in result.Scenarios.SelectMany(scenario => scenario.Steps.Prepend(scenario.Totals)))
        {
            foreach (var outcome in stats.Outcomes)
                html.Append($"<tr><td>{E(stats.Scenario)}</td><td class=\"text\">{E(stats.Step ?? "")}</td><td class=\"text\">{E(outcome.StatusCode)}</td><td class=\"text\">{(outcome.IsError ? "fail" : "ok")}</td><td>{ReportText.Count(outcome.Count)}</td><td>{ReportText.Rate(stats.Count == 0 ? 0 : (double)outcome.Count / stats.Count)}</td></tr>\n");
        }
        html.Append("</table>\n");

        html.Append("<h2 id=\"charts\">Over time</h2>\n");
        var series = result.Scenarios.Count > 1 ? result.Scenarios.Select(s => s.Name).Prepend(NameRules.AllScope) : result.Scenarios.Select(s => s.Name);
        foreach (var name in series)
        {
            var charts = ReportCharts.For(name, result.History);
            html.Append($"<h3>{E(name)}</h3>\n");
            if (charts.Count == 0)
                html.Append("<p>No interval was measured.</p>\n");
            foreach (var chart in charts)
            {
                html.Append("<figure>").Append(chart.Svg);
                if (chart.Note is { } note)
                    html.Append("<figcaption>").Append(E(note)).Append("</figcaption>");
                html.Append("</figure>\n");
            }
        }

        html.Append("<h2 id=\"simulations\">Load simulations</h2>\n<table><tr><th>scenario</th><th>warm-up</th><th>simulations</th><th>max active copies</th></tr>\n");
        foreach (var scenario in result.Scenarios)
            html.Append($"<tr><td>{E(scenario.Name)}</td><td>{ReportText.Seconds(scenario.WarmUp)}</td><td class=\"text\">{E(string.Join(", then ", scenario.Simulations))}</td><td>{scenario.MaxActiveCopies}</td></tr>\n");
        html.Append("</table>\n");

        if (result.Notes.Count > 0)
        {
            html.Append("<h2 id=\"notes\">Notes</h2>\n<ul>\n");
            foreach (var note in result.Notes)
                html.Append($"<li>{E(note.Label)}: {E(note.Value)}</li>\n");
            html.Append("</ul>\n");
            foreach (var note in result.Notes.Where(n => n.Figure is not null))
                html.Append($"<h3>{E(note.Label)}</h3>\n{note.Figure}\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, CallStats stats, string dropped, string late)
    {
        var ok = stats.Ok;
        html.Append(stats.Step is null ? "<tr>" : "<tr class=\"step\">");
        html.Append($"<td>{E(stats.Step ?? stats.Scenario)}</td><td>{ReportText.Count(stats.OkCount)}</td><td>{ReportText.Count(stats.FailCount)}</td><td>{ReportText.Rate(stats.FailRate)}</td><td>{ReportText.Rps(stats.Rps)}</td>");
        foreach (var ms in new[] { ok.MinMs, ok.MeanMs, ok.P50Ms, ok.P75Ms, ok.P95Ms, ok.P99Ms, ok.P999Ms, ok.MaxMs, ok.StdDevMs })
            html.Append($"<td>{ReportText.Ms(ms)}</td>");
        html.Append($"<td>{ReportText.Bytes(stats.Bytes)}</td><td>{dropped}</td><td>{late}</td></tr>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

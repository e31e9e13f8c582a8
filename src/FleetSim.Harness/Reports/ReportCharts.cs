namespace FleetSim.Harness;

/// <summary>
/// The charts over time that the HTML report shows for a scenario (or "all"), from the history rows.
/// Latency leads, step by step: a step such as "connect" is the service's own latency, while the
/// scenario's is a whole iteration, whose think and hold times would hide it (a held session
/// measures seconds, a login milliseconds).
/// </summary>
internal static class ReportCharts
{
    /// <summary>The scenario's latency includes what happens between its steps: said under its chart.</summary>
    public const string IterationNote =
        "This is the latency of a whole iteration: its steps and everything between them, think and hold times included. The step charts above show each step alone.";

    /// <summary>
    /// A latency range wider than this (the largest value over the smallest) is charted on a log
    /// scale: on a linear one, a 1 ms median under a 20 ms maximum is a line along the floor.
    /// </summary>
    private const double WideRange = 20;

    private static readonly string[] s_percentiles = ["p50", "p75", "p95", "p99", "max"];

    public static IReadOnlyList<ReportChart> For(string scenario, IReadOnlyList<IntervalStats> history)
    {
        var rows = Rows(history, scenario, step: null);
        if (rows.Length == 0)
            return [];
        var xs = X(rows);
        double PerSecond(IntervalStats row, long count) => row.Duration > TimeSpan.Zero ? count / row.Duration.TotalSeconds : 0;

        // Steps in the order the scenario first ran them, which is the order they happen in an iteration.
        var steps = history.Where(row => row.Scenario == scenario && row.Step is not null).Select(row => row.Step!).Distinct(StringComparer.Ordinal).ToArray();
        var charts = steps.Select(step => Latency($"{scenario} / {step}: latency of ok calls", Rows(history, scenario, step), note: null)).ToList();
        charts.Add(Latency(steps.Length > 0 ? $"{scenario}: latency of ok calls, whole iteration" : $"{scenario}: latency of ok calls", rows,
            note: steps.Length > 0 ? IterationNote : null));

        charts.Add(Chart($"{scenario}: rate", "calls/s", xs,
        [
            ("ok/s", rows.Select(row => PerSecond(row, row.OkCount)).ToArray()),
            ("fail/s", rows.Select(row => PerSecond(row, row.FailCount)).ToArray()),
            ("dropped/s", rows.Select(row => PerSecond(row, row.DroppedCount)).ToArray()),
        ]));

        charts.Add(Chart($"{scenario}: active copies", "copies", xs,
            [("active copies", rows.Select(row => (double)row.ActiveCopies).ToArray())]));

        var statuses = rows.SelectMany(row => row.Outcomes).GroupBy(outcome => (outcome.StatusCode, outcome.IsError))
            .OrderByDescending(group => group.Sum(outcome => outcome.Count)).Select(group => group.Key).ToArray();
        charts.Add(Chart($"{scenario}: outcomes by reason", "calls/s", xs,
            [.. statuses.Select(status => (
                status.IsError ? $"{status.StatusCode} (fail)" : status.StatusCode,
                rows.Select(row => PerSecond(row, row.Outcomes.Where(o => o.StatusCode == status.StatusCode && o.IsError == status.IsError).Sum(o => o.Count))).ToArray()))]));

        return charts;
    }

    private static ReportChart Latency(string title, IntervalStats[] rows, string? note)
    {
        IReadOnlyList<(string, double[])> series = [.. s_percentiles.Select(name => (name, rows.Select(row => Percentile(row.Latency, name)).ToArray()))];
        var log = IsWide(series.SelectMany(s => s.Item2));
        return new ReportChart(title, ChartSvg.Lines(title, log ? "ms (log scale)" : "ms", X(rows), series, logScale: log), log, note);
    }

    private static ReportChart Chart(string title, string yLabel, double[] xs, IReadOnlyList<(string, double[])> series) =>
        new(title, ChartSvg.Lines(title, yLabel, xs, series));

    /// <summary>Whether the measured values span more than <see cref="WideRange"/>: then a linear axis flattens the small ones to the floor.</summary>
    private static bool IsWide(IEnumerable<double> values)
    {
        var measured = values.Where(v => v > 0 && double.IsFinite(v)).ToArray();
        return measured.Length > 0 && measured.Max() / measured.Min() > WideRange;
    }

    private static IntervalStats[] Rows(IReadOnlyList<IntervalStats> history, string scenario, string? step) =>
        [.. history.Where(row => row.Scenario == scenario && row.Step == step).OrderBy(row => row.Index)];

    private static double[] X(IntervalStats[] rows) => [.. rows.Select(row => row.End.TotalSeconds)];

    private static double Percentile(LatencyStats latency, string name) => name switch
    {
        "p50" => latency.P50Ms,
        "p75" => latency.P75Ms,
        "p95" => latency.P95Ms,
        "p99" => latency.P99Ms,
        _ => latency.MaxMs,
    };
}

namespace FleetSim.Harness;

/// <summary>The charts over time that the HTML report shows for a scenario (or "all"), from the history rows.</summary>
internal static class ReportCharts
{
    private static readonly string[] s_percentiles = ["p50", "p75", "p95", "p99", "max"];

    public static IReadOnlyList<string> For(string scenario, IReadOnlyList<IntervalStats> history)
    {
        var rows = history.Where(row => row.Scenario == scenario && row.Step is null).OrderBy(row => row.Index).ToArray();
        if (rows.Length == 0)
            return [];
        var xs = rows.Select(row => row.End.TotalSeconds).ToArray();
        double PerSecond(IntervalStats row, long count) => row.Duration > TimeSpan.Zero ? count / row.Duration.TotalSeconds : 0;

        var rate = ChartSvg.Lines($"{scenario}: rate", "calls/s", xs,
        [
            ("ok/s", rows.Select(row => PerSecond(row, row.OkCount)).ToArray()),
            ("fail/s", rows.Select(row => PerSecond(row, row.FailCount)).ToArray()),
            ("dropped/s", rows.Select(row => PerSecond(row, row.DroppedCount)).ToArray()),
        ]);

        var latency = ChartSvg.Lines($"{scenario}: latency of ok calls", "ms", xs,
            [.. s_percentiles.Select(name => (name, rows.Select(row => Percentile(row.Latency, name)).ToArray()))]);

        var copies = ChartSvg.Lines($"{scenario}: active copies", "copies", xs,
            [("active copies", rows.Select(row => (double)row.ActiveCopies).ToArray())]);

        var statuses = rows.SelectMany(row => row.Outcomes).GroupBy(outcome => (outcome.StatusCode, outcome.IsError))
            .OrderByDescending(group => group.Sum(outcome => outcome.Count)).Select(group => group.Key).ToArray();
        var outcomes = ChartSvg.Lines($"{scenario}: outcomes by reason", "calls/s", xs,
            [.. statuses.Select(status => (
                status.IsError ? $"{status.StatusCode} (fail)" : status.StatusCode,
                rows.Select(row => PerSecond(row, row.Outcomes.Where(o => o.StatusCode == status.StatusCode && o.IsError == status.IsError).Sum(o => o.Count))).ToArray()))]);

        return [rate, latency, copies, outcomes];
    }

    private static double Percentile(LatencyStats latency, string name) => name switch
    {
        "p50" => latency.P50Ms,
        "p75" => latency.P75Ms,
        "p95" => latency.P95Ms,
        "p99" => latency.P99Ms,
        _ => latency.MaxMs,
    };
}

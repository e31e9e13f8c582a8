namespace FleetSim.Harness.Tests.Reports;

/// <summary>What the HTML report charts, in which order, and how the charts are to be read; not their pixels.</summary>
public sealed class ReportChartsTests
{
    // A FleetSim-like scenario: logins take about a millisecond, sessions are held for ten seconds.
    private static readonly IntervalStats[] s_history =
    [
        .. Interval(0, connect: Latency(p50: 0.8, max: 240)),
        .. Interval(1, connect: Latency(p50: 0.9, max: 3)),
    ];

    [Fact]
    public void The_first_steps_latency_comes_first_then_the_other_steps_then_the_whole_iteration_then_the_rest()
    {
        var titles = ReportCharts.For("quickstart", s_history).Select(chart => chart.Title);

        Assert.Equal(
        [
            "quickstart / connect: latency of ok calls",
            "quickstart / disconnect: latency of ok calls",
            "quickstart: latency of ok calls, whole iteration",
            "quickstart: rate",
            "quickstart: active copies",
            "quickstart: outcomes by reason",
        ], titles);
    }

    [Fact]
    public void The_whole_iterations_latency_says_it_includes_think_and_hold_times()
    {
        var charts = ReportCharts.For("quickstart", s_history);

        var iteration = Assert.Single(charts, chart => chart.Note is not null);
        Assert.Equal("quickstart: latency of ok calls, whole iteration", iteration.Title);
        Assert.Contains("think and hold times", iteration.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_spanning_decades_is_charted_on_a_log_scale_and_a_narrow_one_is_not()
    {
        var charts = ReportCharts.For("quickstart", s_history).ToDictionary(chart => chart.Title);

        Assert.True(charts["quickstart / connect: latency of ok calls"].LogScale, "0.8 to 240 ms");
        Assert.Contains("log scale", charts["quickstart / connect: latency of ok calls"].Svg, StringComparison.Ordinal);
        Assert.False(charts["quickstart / disconnect: latency of ok calls"].LogScale, "0.2 to 1.5 ms");
        Assert.False(charts["quickstart: rate"].LogScale);
    }

    [Fact]
    public void A_scenario_without_steps_has_one_latency_chart_and_no_note()
    {
        var charts = ReportCharts.For("quickstart", [.. s_history.Where(row => row.Step is null)]);

        Assert.Equal("quickstart: latency of ok calls", charts[0].Title);
        Assert.All(charts, chart => Assert.Null(chart.Note));
    }

    private static IEnumerable<IntervalStats> Interval(int index, LatencyStats connect)
    {
        yield return Row(index, null, Latency(p50: 2.5, max: 10_005));
        yield return Row(index, "connect", connect);
        yield return Row(index, "disconnect", Latency(p50: 0.2, max: 1.5));
    }

    private static IntervalStats Row(int index, string? step, LatencyStats latency) =>
        new(index, TimeSpan.FromSeconds(index), TimeSpan.FromSeconds(index + 1), DateTimeOffset.UnixEpoch.AddSeconds(index), "quickstart", step,
            ActiveCopies: 10, OkCount: 100, FailCount: 0, DroppedCount: 0, LateCount: 0, latency, [new OutcomeCount("Allowed", false, 100)],
            TotalOkCount: 100 * (index + 1), TotalFailCount: 0, TotalLatency: latency);

    private static LatencyStats Latency(double p50, double max) =>
        new(Count: 100, MinMs: p50 / 2, MeanMs: p50, MaxMs: max, StdDevMs: 1, P50Ms: p50, P75Ms: p50 * 1.2, P95Ms: p50 * 2, P99Ms: p50 * 3, P999Ms: max);
}

namespace FleetSim.Harness.Tests.Thresholds;

public class ThresholdEvaluatorTests
{
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);

    private static LatencyStats Latency(double p99) => new(100, 1, 5, p99 + 10, 2, 4, 6, 8, p99, p99 + 5);

    private static CallStats Calls(string scenario, string? step, long ok, long fail, double p99) =>
        new(scenario, step, ok, fail, 0, TenSeconds, Latency(p99), LatencyStats.Empty, []);

    private static ScenarioStats Scenario(string name, double p99, long ok = 990, long fail = 10, long dropped = 0, params CallStats[] steps) =>
        new(name, Calls(name, null, ok, fail, p99), steps, dropped, 0, 1, TimeSpan.Zero, TenSeconds, []);

    private static ThresholdResult Evaluate(string expression, params ScenarioStats[] scenarios)
    {
        var all = Calls("all", null, scenarios.Sum(s => s.Totals.OkCount), scenarios.Sum(s => s.Totals.FailCount), scenarios.Max(s => s.Totals.Ok.P99Ms));
        return ThresholdEvaluator.Evaluate(Threshold.Parse(expression), scenarios, all, scenarios.Sum(s => s.DroppedCount));
    }

    [Fact]
    public void A_latency_under_its_limit_keeps_the_threshold()
    {
        var result = Evaluate("connect.p99 < 50ms", Scenario("connect", p99: 8.1));

        Assert.True(result.Passed);
        Assert.Equal(8.1, result.Actual);
        Assert.Equal("connect.p99 = 8.1 ms (limit < 50ms)", result.Message);
    }

    [Fact]
    public void A_latency_over_its_limit_breaks_the_threshold()
    {
        Assert.False(Evaluate("connect.p99 < 50ms", Scenario("connect", p99: 62)).Passed);
        Assert.False(Evaluate("connect.p99 < 0.05s", Scenario("connect", p99: 62)).Passed);
        Assert.True(Evaluate("connect.p99 <= 62000us", Scenario("connect", p99: 62)).Passed);
    }

    [Fact]
    public void Fail_rate_is_the_share_of_failed_calls_over_every_scenario()
    {
        var scenarios = new[] { Scenario("connect", 1, ok: 990, fail: 10), Scenario("query", 1, ok: 1000, fail: 0) };

        Assert.True(Evaluate("fail.rate < 0.01", scenarios).Passed); // 10 of 2000
        Assert.False(Evaluate("connect.fail.rate < 0.01", scenarios).Passed); // 10 of 1000
        Assert.True(Evaluate("connect.fail.rate <= 1%", scenarios).Passed);
    }

    [Fact]
    public void Counts_and_rate_compare_as_numbers()
    {
        var connect = Scenario("connect", 1, ok: 990, fail: 10, dropped: 3);

        Assert.True(Evaluate("connect.ok.count >= 990", connect).Passed);
        Assert.False(Evaluate("connect.fail.count < 10", connect).Passed);
        Assert.False(Evaluate("connect.dropped.count < 1", connect).Passed);
        Assert.True(Evaluate("connect.rps >= 100", connect).Passed); // 1000 calls in 10 s
    }

    [Fact]
    public void A_step_is_found_by_its_name_or_by_scenario_and_name()
    {
        var connect = Scenario("connect", 5, steps: Calls("connect", "auth", 100, 0, p99: 70));

        Assert.False(Evaluate("auth.p99 < 50ms", connect).Passed);
        Assert.False(Evaluate("connect/auth.p99 < 50ms", connect).Passed);
        Assert.True(Evaluate("connect.p99 < 50ms", connect).Passed); // the scenario, not its step
    }

    [Fact]
    public void A_step_name_in_two_scenarios_must_be_qualified()
    {
        var result = Evaluate("auth.p99 < 50ms",
            Scenario("connect", 5, steps: Calls("connect", "auth", 100, 0, 1)),
            Scenario("reconnect", 5, steps: Calls("reconnect", "auth", 100, 0, 1)));

        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Contains("write 'connect/auth'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scope_breaks_the_threshold_and_says_so()
    {
        var result = Evaluate("nosuch.p99 < 50ms", Scenario("connect", 5));

        Assert.False(result.Passed);
        Assert.Contains("no scenario or step named 'nosuch'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_latency_threshold_with_no_successful_call_is_broken()
    {
        var result = Evaluate("connect.p99 < 50ms", Scenario("connect", 5, ok: 0, fail: 10));

        Assert.False(result.Passed);
        Assert.Contains("no successful calls", result.Message, StringComparison.Ordinal);
    }
}

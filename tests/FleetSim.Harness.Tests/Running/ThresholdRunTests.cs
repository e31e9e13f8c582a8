namespace FleetSim.Harness.Tests.Running;

public class ThresholdRunTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    // Every other attempt is denied, counted over the run (an invocation number counts per copy).
    private static Scenario Denied(TimeSpan during)
    {
        var started = 0;
        return Scenario.Create("connect", context => ValueTask.FromResult(
                Interlocked.Increment(ref started) % 2 == 0 ? Response.Fail("FirewallDenied") : Response.Ok()))
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: during));
    }

    [Fact]
    public async Task Kept_thresholds_pass_with_exit_code_zero()
    {
        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(Denied(Second))
            .WithThresholds("connect.p99 < 1s", "fail.rate <= 0.5", "connect.ok.count >= 1"));

        Assert.True(result.Passed);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.BrokenThresholds);
        Assert.Equal(3, result.Thresholds.Count);
    }

    [Fact]
    public async Task A_broken_threshold_fails_the_run_and_is_named()
    {
        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(Denied(Second))
            .WithThresholds("connect.p99 < 1s", "fail.rate < 0.01"));

        Assert.False(result.Passed);
        Assert.False(result.Aborted);
        Assert.Equal(1, result.ExitCode);
        var broken = Assert.Single(result.BrokenThresholds);
        Assert.Equal("all.fail.rate < 0.01", broken.Threshold.ToString());
        Assert.Equal(0.5, broken.Actual);
        Assert.Contains("FirewallDenied", result.FormatSummary(), StringComparison.Ordinal);
        Assert.Contains("BROKEN", result.FormatSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_checked_at_run_time_stops_the_run_when_broken()
    {
        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(Denied(TimeSpan.FromSeconds(60)))
            .WithThresholds(Threshold.Parse("fail.count < 3").AbortingRun()), step: TimeSpan.FromMilliseconds(20));

        Assert.True(result.Aborted);
        Assert.Contains("threshold broken during the run", result.AbortReason, StringComparison.Ordinal);
        var broken = Assert.Single(result.BrokenThresholds);
        Assert.True(broken.BrokeAtRunTime);
        Assert.True(result.Duration < TimeSpan.FromSeconds(10), $"ran {result.Duration} of fake time");
    }

    [Fact]
    public void A_threshold_that_does_not_parse_is_refused_before_the_run()
    {
        var error = Assert.Throws<ThresholdParseException>(() => LoadRunner.Create().WithThresholds("connect.p99 < fast"));

        Assert.Contains("'connect.p99 < fast'", error.Message, StringComparison.Ordinal);
    }
}

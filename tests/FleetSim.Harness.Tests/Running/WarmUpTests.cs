namespace FleetSim.Harness.Tests.Running;

public class WarmUpTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Warm_up_iterations_run_but_are_not_counted()
    {
        long calls = 0, warmUpCalls = 0;
        var scenario = Scenario.Create("warm", context =>
            {
                Interlocked.Increment(ref calls);
                if (context.IsWarmUp)
                {
                    Interlocked.Increment(ref warmUpCalls);
                    return ValueTask.FromResult(Response.Fail("WarmUpOnly"));
                }
                return ValueTask.FromResult(Response.Ok());
            })
            .WithWarmUpDuration(Second)
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: TimeSpan.FromSeconds(2)));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario).WithThresholds("fail.count < 1"));

        var warm = result.Scenario("warm");
        Assert.Equal(30, calls); // 10 in the warm-up second, 20 measured
        Assert.Equal(10, warmUpCalls);
        Assert.Equal(20, warm.Totals.OkCount);
        Assert.Equal(0, warm.Totals.FailCount);
        Assert.DoesNotContain(warm.Totals.Outcomes, outcome => outcome.StatusCode == "WarmUpOnly");
        Assert.True(result.Passed);
        Assert.Equal(Second, warm.WarmUp);
        Assert.InRange(warm.Duration, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.2));
    }

    [Fact]
    public async Task The_history_starts_after_the_warm_up()
    {
        var scenario = Scenario.Create("warm", _ => ValueTask.FromResult(Response.Ok()))
            .WithWarmUpDuration(TimeSpan.FromSeconds(2))
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: TimeSpan.FromSeconds(2)));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        var rows = result.History.Where(row => row.Scenario == "warm").ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.End > TimeSpan.FromSeconds(2), $"a row ends at {row.End}, within the warm-up"));
        Assert.Equal(20, rows.Sum(row => row.OkCount));
    }
}

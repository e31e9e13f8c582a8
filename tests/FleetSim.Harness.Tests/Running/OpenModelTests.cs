namespace FleetSim.Harness.Tests.Running;

public class OpenModelTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>A target that takes 200 ms (fake) per call, started 10 a second with one copy: it falls behind.</summary>
    private static Scenario SlowTarget(TimeSpan maxStartDelay) =>
        Scenario.Create("slow", async context =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.TimeProvider);
                return Response.Ok();
            })
            .WithOpenModelLimits(maxConcurrentCopies: 1, maxStartDelay: maxStartDelay)
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: Second));

    [Fact]
    public async Task Inject_starts_exactly_its_schedule()
    {
        long calls = 0;
        var scenario = Scenario.Create("count", _ =>
            {
                Interlocked.Increment(ref calls);
                return ValueTask.FromResult(Response.Ok());
            })
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 20, interval: Second, during: TimeSpan.FromSeconds(3)));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        Assert.Equal(60, calls);
        Assert.Equal(60, result.Scenario("count").Totals.OkCount);
        Assert.Equal(0, result.DroppedCount);
    }

    [Fact]
    public async Task Latency_runs_from_the_intended_start_so_queueing_behind_a_slow_target_counts()
    {
        // Starts are due every 100 ms but each call holds the only copy for 200 ms: call k starts at
        // 200k ms, 100k ms after it was due, and ends at 200(k+1) ms. Measured from its intended
        // start its latency is 200 + 100k ms; measured from its actual start it would be 200 ms.
        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(SlowTarget(TimeSpan.FromHours(1))));

        var slow = result.Scenario("slow");
        Assert.Equal(10, slow.Totals.OkCount);
        Assert.Equal(0, slow.DroppedCount);
        Assert.True(slow.Totals.Ok.MinMs >= 200, $"min {slow.Totals.Ok.MinMs} ms");
        Assert.True(slow.Totals.Ok.P50Ms >= 600, $"p50 {slow.Totals.Ok.P50Ms} ms, the queueing delay is missing");
        Assert.True(slow.Totals.Ok.MaxMs >= 1100, $"max {slow.Totals.Ok.MaxMs} ms, the queueing delay is missing");
        Assert.InRange(slow.LateCount, 9, 10);
    }

    [Fact]
    public async Task Iterations_that_cannot_start_in_time_are_dropped_and_counted()
    {
        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(SlowTarget(TimeSpan.FromMilliseconds(250))));

        var slow = result.Scenario("slow");
        Assert.True(slow.DroppedCount >= 1, "a target at half the needed speed must drop starts");
        Assert.Equal(10, slow.Totals.OkCount + slow.DroppedCount); // every planned start either ran or was dropped
        Assert.True(slow.Totals.Ok.MaxMs <= 250 + 200 + 50, $"max {slow.Totals.Ok.MaxMs} ms: nothing waits past the start delay");
        Assert.Equal(slow.DroppedCount, result.DroppedCount);
    }

    [Fact]
    public async Task Open_copies_grow_to_meet_the_rate_when_allowed()
    {
        var scenario = Scenario.Create("parallel", async context =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.TimeProvider);
                return Response.Ok();
            })
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: Second));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        var stats = result.Scenario("parallel");
        Assert.Equal(10, stats.Totals.OkCount);
        Assert.Equal(0, stats.DroppedCount);
        Assert.True(stats.Totals.Ok.MaxMs < 400, $"max {stats.Totals.Ok.MaxMs} ms: with enough copies nothing queues");
    }

    [Fact]
    public async Task Chained_stages_run_in_order_and_a_pause_starts_nothing()
    {
        var starts = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var origin = time.GetUtcNow();
        var scenario = Scenario.Create("chain", context =>
            {
                starts.Add(context.TimeProvider.GetUtcNow() - origin);
                return ValueTask.FromResult(Response.Ok());
            })
            .NeverDropping()
            .WithLoadSimulations(
                Simulation.Inject(rate: 10, interval: Second, during: Second),
                Simulation.Pause(Second),
                Simulation.IterationsForInject(rate: 5, interval: Second, iterations: 7));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario), time: time);

        Assert.Equal(17, result.Scenario("chain").Totals.OkCount);
        Assert.Equal(10, starts.Count(start => start < Second));
        Assert.DoesNotContain(starts, start => start > TimeSpan.FromMilliseconds(1100) && start < TimeSpan.FromMilliseconds(1950));
    }
}

using System.Collections.Concurrent;

namespace FleetSim.Harness.Tests.Running;

public class ClosedModelTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task IterationsForConstant_runs_exactly_its_iterations_across_its_copies()
    {
        var copies = new ConcurrentDictionary<int, int>();
        var scenario = Scenario.Create("iterations", async context =>
            {
                copies.TryAdd(context.CopyNumber, 0);
                await Task.Yield();
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 3, iterations: 500));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(500, result.Scenario("iterations").Totals.OkCount);
        Assert.Subset(new HashSet<int> { 0, 1, 2 }, copies.Keys.ToHashSet());
    }

    [Fact]
    public async Task KeepConstant_loops_its_copies_for_its_duration()
    {
        var copies = new ConcurrentDictionary<int, int>();
        var scenario = Scenario.Create("constant", async context =>
            {
                copies.TryAdd(context.CopyNumber, 0);
                await Task.Delay(TimeSpan.FromMilliseconds(100), context.TimeProvider);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(copies: 4, during: TimeSpan.FromSeconds(2)));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        var stats = result.Scenario("constant");
        Assert.Equal([0, 1, 2, 3], copies.Keys.Order());
        Assert.Equal(4, stats.MaxActiveCopies);
        // Each copy completes at most one call per 100 ms over 2 s, and loops all the while.
        Assert.InRange(stats.Totals.OkCount, 40, 84);
        Assert.True(stats.Totals.Ok.MinMs >= 100);
    }

    [Fact]
    public async Task RampingConstant_reaches_its_copies_and_a_pause_stops_them()
    {
        var active = new ConcurrentBag<(TimeSpan At, int Copy)>();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var origin = time.GetUtcNow();
        var scenario = Scenario.Create("ramp", async context =>
            {
                active.Add((context.TimeProvider.GetUtcNow() - origin, context.CopyNumber));
                await Task.Delay(TimeSpan.FromMilliseconds(50), context.TimeProvider);
                return Response.Ok();
            })
            .WithLoadSimulations(
                Simulation.RampingConstant(copies: 10, during: Second),
                Simulation.KeepConstant(copies: 10, during: Second),
                Simulation.Pause(Second));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario), time: time);

        Assert.Equal(10, result.Scenario("ramp").MaxActiveCopies);
        Assert.Equal(10, active.Select(entry => entry.Copy).Distinct().Count());
        // The ramp adds copies over time: in its first fifth only the first few run.
        Assert.True(active.Where(entry => entry.At < TimeSpan.FromMilliseconds(200)).Select(entry => entry.Copy).Distinct().Count() <= 4);
        Assert.DoesNotContain(active, entry => entry.At > TimeSpan.FromMilliseconds(2100));
    }

    [Fact]
    public async Task A_scenario_can_stop_the_run_with_a_reason()
    {
        var scenario = Scenario.Create("stopper", async context =>
            {
                await Task.Yield();
                if (context.InvocationNumber == 3)
                    context.StopRun("the fleet is gone");
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromMinutes(5)));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off)
            .RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal("scenario 'stopper' stopped the run: the fleet is gone", result.AbortReason);
        Assert.Equal(3, result.Scenario("stopper").Totals.OkCount);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_and_still_returns_a_result()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var scenario = Scenario.Create("long", async context =>
            {
                await Task.Delay(10, context.CancellationToken);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(copies: 2, during: TimeSpan.FromMinutes(5)));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off)
            .RunAsync(cancellation.Token).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal("cancelled", result.AbortReason);
        Assert.Equal(1, result.ExitCode);
    }
}

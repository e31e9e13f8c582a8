using System.Collections.Concurrent;

namespace FleetSim.Harness.Tests.Running;

/// <summary>
/// The open model's schedule belongs to the plan, not to the engine: each iteration has a place
/// and a start in it, and draws its keys by that place, whichever worker runs it.
/// </summary>
public class ScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static async Task<IReadOnlyDictionary<long, (int Key, double Share)>> Draws(int maxCopies, Func<long, TimeSpan> holds)
    {
        var draws = new ConcurrentDictionary<long, (int, double)>();
        var scenario = Scenario.Create("draws", async context =>
            {
                // Drawn before any wait, as a scenario picks its client first.
                Assert.True(draws.TryAdd(context.ScheduleNumber, (context.Random.Next(1_000_000), context.Random.NextDouble())), $"iteration {context.ScheduleNumber} ran twice");
                var hold = holds(context.ScheduleNumber);
                if (hold > TimeSpan.Zero)
                    await Task.Delay(hold, context.TimeProvider);
                return Response.Ok();
            })
            .WithOpenModelLimits(maxConcurrentCopies: maxCopies, maxStartDelay: TimeSpan.FromHours(1))
            .WithRandomSeed(7)
            .WithWarmUpDuration(TimeSpan.FromMilliseconds(500))
            .WithLoadSimulations(Simulation.Inject(rate: 40, interval: Second, during: Second));
        await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));
        return draws;
    }

    [Fact]
    public async Task An_open_iteration_draws_the_same_keys_whichever_worker_runs_it()
    {
        // One worker that never waits, against many whose iterations hold them for different
        // times, so that the workers take the queue in another order and each runs other iterations.
        var alone = await Draws(maxCopies: 1, _ => TimeSpan.Zero);
        var many = await Draws(maxCopies: 16, n => TimeSpan.FromMilliseconds(n % 5 * 45));

        Assert.Equal(Enumerable.Range(0, alone.Count).Select(n => (long)n), alone.Keys.Order());
        Assert.True(alone.Count >= 60, $"{alone.Count} iterations: the warm-up's and the measured phase's");
        Assert.Equal(alone.OrderBy(d => d.Key), many.OrderBy(d => d.Key));
        Assert.True(alone.Values.Select(d => d.Key).Distinct().Count() > alone.Count / 2, "iterations draw different keys");
    }

    [Fact]
    public async Task Scheduled_starts_follow_the_plan_across_phases_whatever_the_timers_do()
    {
        var starts = new ConcurrentDictionary<long, TimeSpan>();
        var scenario = Scenario.Create("plan", context =>
            {
                starts[context.ScheduleNumber] = context.ScheduledAt!.Value;
                return ValueTask.FromResult(Response.Ok());
            })
            .NeverDropping()
            .WithLoadSimulations(
                Simulation.Inject(rate: 10, interval: Second, during: Second),
                Simulation.Pause(Second),
                Simulation.Inject(rate: 5, interval: Second, during: Second));

        // A clock step that does not divide the plan's times: every timer wakes late.
        await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario), step: TimeSpan.FromMilliseconds(7));

        Assert.Equal(15, starts.Count);
        for (var n = 0; n < 10; n++)
            Assert.Equal(TimeSpan.FromMilliseconds(100 * n), starts[n]);
        for (var n = 10; n < 15; n++)
            Assert.Equal(TimeSpan.FromMilliseconds(2000 + (200 * (n - 10))), starts[n]);
    }

    [Fact]
    public async Task A_closed_iteration_has_no_place_in_a_schedule()
    {
        var numbers = new ConcurrentBag<(long, TimeSpan?)>();
        var scenario = Scenario.Create("closed", context =>
            {
                numbers.Add((context.ScheduleNumber, context.ScheduledAt));
                return ValueTask.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 2, iterations: 10));

        await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        Assert.Equal(10, numbers.Count);
        Assert.All(numbers, n => Assert.Equal((-1L, (TimeSpan?)null), n));
    }
}

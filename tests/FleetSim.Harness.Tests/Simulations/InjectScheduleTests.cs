using CsCheck;

namespace FleetSim.Harness.Tests.Simulations;

public class InjectScheduleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static OpenPhase Plan(LoadSimulation simulation) => (OpenPhase)LoadPlan.Compile([simulation])[0];

    private static TimeSpan[] Starts(LoadSimulation simulation, int seed = 1) => [.. InjectSchedule.StartTimes(Plan(simulation), seed)];

    [Fact]
    public void Inject_spreads_rate_starts_evenly_over_each_interval()
    {
        var starts = Starts(Simulation.Inject(rate: 10, interval: Second, during: TimeSpan.FromSeconds(2)));

        Assert.Equal(20, starts.Length);
        Assert.Equal(TimeSpan.Zero, starts[0]);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromMilliseconds(100), pair.Second - pair.First));
        Assert.Equal(TimeSpan.FromMilliseconds(1900), starts[^1]);
    }

    [Fact]
    public void Inject_starts_rate_times_intervals_for_any_rate_and_duration()
    {
        Gen.Select(Gen.Int[1, 500], Gen.Int[1, 4], Gen.Int[1, 5]).Sample((rate, intervalSeconds, intervals) =>
        {
            var interval = TimeSpan.FromSeconds(intervalSeconds);
            var starts = Starts(Simulation.Inject(rate, interval, interval * intervals));
            Assert.Equal((long)rate * intervals, starts.Length);
            Assert.All(starts, start => Assert.True(start < interval * intervals));
        });
    }

    [Fact]
    public void Inject_interval_sets_the_rate_unit()
    {
        // 5 per 500 ms is 10 a second.
        var starts = Starts(Simulation.Inject(rate: 5, interval: TimeSpan.FromMilliseconds(500), during: Second));

        Assert.Equal(10, starts.Length);
    }

    [Fact]
    public void RampingInject_from_nothing_starts_the_area_under_the_ramp()
    {
        // 0 to 100 a second over 10 s: N(t) = 5·t², 500 in all, 5 in the first second, 95 in the last.
        var starts = Starts(Simulation.RampingInject(rate: 100, interval: Second, during: TimeSpan.FromSeconds(10)));

        Assert.InRange(starts.Length, 499, 501);
        Assert.InRange(starts.Count(start => start < Second), 4, 6);
        Assert.InRange(starts.Count(start => start >= TimeSpan.FromSeconds(9)), 94, 96);
    }

    [Fact]
    public void RampingInject_count_by_any_time_follows_the_integral_of_the_rate()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[1, 10], Gen.Double[0, 1]).Sample((from, to, seconds, share) =>
        {
            var during = TimeSpan.FromSeconds(seconds);
            var phase = new OpenPhase(Simulation.RampingInject(to, Second, during), from, to, Second, during, null);
            var starts = InjectSchedule.StartTimes(phase, 1).ToArray();
            double t = seconds * share;
            double expected = (from * t) + ((to - from) * t * t / (2 * seconds));
            int actual = starts.Count(start => start.TotalSeconds < t);
            Assert.InRange(actual, expected - 1, expected + 1);
        });
    }

    [Fact]
    public void RampingInject_starts_from_the_previous_stages_rate()
    {
        var phases = LoadPlan.Compile(
        [
            Simulation.Inject(rate: 50, interval: Second, during: Second),
            Simulation.RampingInject(rate: 150, interval: Second, during: Second),
        ]);
        var ramp = (OpenPhase)phases[1];

        Assert.Equal(50, ramp.FromRate);
        Assert.Equal(150, ramp.ToRate);
        Assert.Equal(100, InjectSchedule.StartTimes(ramp, 1).Count()); // the mean rate over the second
    }

    [Fact]
    public void RampingInject_down_to_zero_slows_to_a_stop()
    {
        var phases = LoadPlan.Compile(
        [
            Simulation.Inject(rate: 100, interval: Second, during: Second),
            Simulation.RampingInject(rate: 0, interval: Second, during: TimeSpan.FromSeconds(2)),
        ]);
        var starts = InjectSchedule.StartTimes((OpenPhase)phases[1], 1).ToArray();

        Assert.InRange(starts.Length, 99, 101);
        Assert.True(starts.Count(start => start < Second) > 2 * starts.Count(start => start >= Second));
    }

    [Fact]
    public void InjectRandom_draws_each_intervals_rate_between_the_bounds_and_repeats_with_the_seed()
    {
        var simulation = Simulation.InjectRandom(minRate: 5, maxRate: 15, interval: Second, during: TimeSpan.FromSeconds(20));
        var starts = Starts(simulation, seed: 7);

        for (int k = 0; k < 20; k++)
        {
            int inInterval = starts.Count(start => start >= Second * k && start < Second * (k + 1));
            Assert.InRange(inInterval, 5, 15);
        }
        Assert.Equal(starts, Starts(simulation, seed: 7));
        Assert.NotEqual(starts, Starts(simulation, seed: 8));
    }

    [Fact]
    public void IterationsForInject_stops_after_its_iterations_at_the_rate()
    {
        var starts = Starts(Simulation.IterationsForInject(rate: 4, interval: Second, iterations: 10));

        Assert.Equal(10, starts.Length);
        Assert.Equal(TimeSpan.FromMilliseconds(2250), starts[^1]);
    }
}

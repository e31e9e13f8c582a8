namespace FleetSim.Harness.Tests.Simulations;

public class LoadPlanTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void KeepConstant_keeps_its_copies_throughout()
    {
        var phase = (ClosedPhase)LoadPlan.Compile([Simulation.KeepConstant(copies: 8, during: Second)])[0];

        Assert.Equal(8, phase.CopiesAt(TimeSpan.Zero));
        Assert.Equal(8, phase.CopiesAt(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(8, phase.CopiesAt(Second));
    }

    [Fact]
    public void RampingConstant_moves_copies_linearly_from_the_previous_count()
    {
        var phases = LoadPlan.Compile(
        [
            Simulation.KeepConstant(copies: 10, during: Second),
            Simulation.RampingConstant(copies: 30, during: TimeSpan.FromSeconds(10)),
        ]);
        var ramp = (ClosedPhase)phases[1];

        Assert.Equal(10, ramp.CopiesAt(TimeSpan.Zero));
        Assert.Equal(15, ramp.CopiesAt(TimeSpan.FromSeconds(2.5)));
        Assert.Equal(20, ramp.CopiesAt(TimeSpan.FromSeconds(5)));
        Assert.Equal(30, ramp.CopiesAt(TimeSpan.FromSeconds(10)));
        Assert.Equal(30, ramp.CopiesAt(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void RampingConstant_first_ramps_from_zero()
    {
        var ramp = (ClosedPhase)LoadPlan.Compile([Simulation.RampingConstant(copies: 4, during: TimeSpan.FromSeconds(4))])[0];

        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, 5).Select(s => ramp.CopiesAt(TimeSpan.FromSeconds(s))));
    }

    [Fact]
    public void A_pause_or_a_stage_of_the_other_model_resets_the_level_a_ramp_starts_from()
    {
        var phases = LoadPlan.Compile(
        [
            Simulation.KeepConstant(copies: 10, during: Second),
            Simulation.Pause(Second),
            Simulation.RampingConstant(copies: 20, during: Second),
            Simulation.Inject(rate: 100, interval: Second, during: Second),
            Simulation.KeepConstant(copies: 5, during: Second),
            Simulation.RampingInject(rate: 50, interval: Second, during: Second),
        ]);

        Assert.Equal(0, ((ClosedPhase)phases[2]).FromCopies);
        Assert.Equal(0, ((OpenPhase)phases[5]).FromRate);
    }

    [Fact]
    public void IterationsForConstant_is_bounded_by_count_not_time()
    {
        var phase = (ClosedPhase)LoadPlan.Compile([Simulation.IterationsForConstant(copies: 3, iterations: 100)])[0];

        Assert.Null(phase.During);
        Assert.Equal(100, phase.Iterations);
        Assert.Null(LoadPlan.TotalDuration([phase]));
    }

    [Fact]
    public void The_planned_duration_adds_the_stages()
    {
        var phases = LoadPlan.Compile(
        [
            Simulation.Inject(rate: 1, interval: Second, during: TimeSpan.FromSeconds(30)),
            Simulation.Pause(TimeSpan.FromSeconds(5)),
            Simulation.KeepConstant(copies: 1, during: TimeSpan.FromSeconds(10)),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(45), LoadPlan.TotalDuration(phases));
    }

    [Fact]
    public void The_warm_up_replays_the_first_stage_for_its_own_duration_without_an_iteration_bound()
    {
        var warmUp = LoadPlan.WarmUp(Simulation.IterationsForInject(rate: 10, interval: Second, iterations: 1000), TimeSpan.FromSeconds(3));

        var open = Assert.IsType<OpenPhase>(warmUp);
        Assert.Equal(TimeSpan.FromSeconds(3), open.During);
        Assert.Null(open.Iterations);
        Assert.Equal(30, InjectSchedule.StartTimes(open, 1).Count());
    }

    [Fact]
    public void Simulations_refuse_unbounded_or_empty_stages()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.KeepConstant(copies: 1, during: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(rate: 0, interval: Second, during: Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(rate: 1, interval: TimeSpan.Zero, during: Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.InjectRandom(minRate: 5, maxRate: 4, interval: Second, during: Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.IterationsForConstant(copies: 1, iterations: 0));
    }
}

namespace FleetSim.Harness;

/// <summary>Turns a scenario's chain of load simulations into phases with resolved starting levels.</summary>
internal static class LoadPlan
{
    /// <summary>
    /// Plans the chain. A ramp starts from the level its model had at the end of the previous stage:
    /// a stage of the other model, or a pause, leaves that level at 0 (its copies were stopped).
    /// InjectRandom leaves the midpoint of its rates.
    /// </summary>
    public static IReadOnlyList<PlannedPhase> Compile(IReadOnlyList<LoadSimulation> simulations)
    {
        var phases = new List<PlannedPhase>(simulations.Count);
        int copies = 0;
        double rate = 0;
        foreach (var simulation in simulations)
        {
            PlannedPhase phase = simulation switch
            {
                KeepConstantSimulation s => new ClosedPhase(s, s.Copies, s.Copies, s.During, null),
                RampingConstantSimulation s => new ClosedPhase(s, copies, s.Copies, s.During, null),
                IterationsForConstantSimulation s => new ClosedPhase(s, s.Copies, s.Copies, null, s.Iterations),
                InjectSimulation s => new OpenPhase(s, s.Rate, s.Rate, s.Interval, s.During, null),
                RampingInjectSimulation s => new OpenPhase(s, rate, s.Rate, s.Interval, s.During, null),
                InjectRandomSimulation s => new OpenPhase(s, s.MinRate, s.MaxRate, s.Interval, s.During, null, (s.MinRate, s.MaxRate)),
                IterationsForInjectSimulation s => new OpenPhase(s, s.Rate, s.Rate, s.Interval, null, s.Iterations),
                PauseSimulation s => new PausePhase(s, s.During),
                _ => throw new ArgumentException($"Unknown load simulation {simulation.GetType().Name}.", nameof(simulations)),
            };
            (copies, rate) = phase switch
            {
                ClosedPhase closed => (closed.ToCopies, 0d),
                OpenPhase { RandomRates: { } random } => (0, (random.Min + random.Max) / 2d),
                OpenPhase open => (0, open.ToRate),
                _ => (0, 0d),
            };
            phases.Add(phase);
        }
        return phases;
    }

    /// <summary>
    /// The warm-up: the first simulation's shape for <paramref name="duration"/>, without its iteration
    /// bound. The measured plan then starts from zero, as if there had been no warm-up, so that a run
    /// measures the same load with or without one.
    /// </summary>
    public static PlannedPhase WarmUp(LoadSimulation first, TimeSpan duration)
    {
        var shaped = first switch
        {
            KeepConstantSimulation s => s with { During = duration },
            RampingConstantSimulation s => s with { During = duration },
            IterationsForConstantSimulation s => new KeepConstantSimulation(s.Copies, duration),
            InjectSimulation s => s with { During = duration },
            RampingInjectSimulation s => s with { During = duration },
            InjectRandomSimulation s => s with { During = duration },
            IterationsForInjectSimulation s => new InjectSimulation(s.Rate, s.Interval, duration),
            PauseSimulation s => s with { During = duration },
            _ => first,
        };
        return Compile([shaped])[0];
    }

    /// <summary>The planned length of the phases, or null when an iteration-bounded phase makes it unknown.</summary>
    public static TimeSpan? TotalDuration(IEnumerable<PlannedPhase> phases)
    {
        var total = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            if (phase.During is not { } during)
                return null;
            total += during;
        }
        return total;
    }
}

using FleetSim.Harness;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Runs;

/// <summary>Turns a scenario file's load list into the harness's load simulations.</summary>
public static class LoadPlans
{
    /// <param name="load">The validated list.</param>
    /// <param name="duration">When given, every timed stage is scaled so that the plan lasts this long.</param>
    public static LoadSimulation[] From(IReadOnlyList<LoadSimulationSpec> load, TimeSpan? duration = null)
    {
        var total = load.Sum(l => l.During is null ? 0 : Durations.Parse(l.During).TotalMilliseconds);
        var scale = duration is { } wanted && total > 0 ? wanted.TotalMilliseconds / total : 1.0;
        TimeSpan During(LoadSimulationSpec l) => TimeSpan.FromMilliseconds(Math.Max(1, Durations.Parse(l.During!).TotalMilliseconds * scale));
        TimeSpan Interval(LoadSimulationSpec l) => Durations.Parse(l.Interval!);

        return [.. load.Select(l => l.Kind switch
        {
            "keepConstant" => Simulation.KeepConstant(l.Copies!.Value, During(l)),
            "rampingConstant" => Simulation.RampingConstant(l.Copies!.Value, During(l)),
            "iterationsForConstant" => Simulation.IterationsForConstant(l.Copies!.Value, l.Iterations!.Value),
            "inject" => Simulation.Inject(l.Rate!.Value, Interval(l), During(l)),
            "rampingInject" => Simulation.RampingInject(l.Rate!.Value, Interval(l), During(l)),
            "injectRandom" => Simulation.InjectRandom(l.MinRate!.Value, l.MaxRate!.Value, Interval(l), During(l)),
            "iterationsForInject" => Simulation.IterationsForInject(l.Rate!.Value, Interval(l), l.Iterations!.Value),
            "pause" => Simulation.Pause(During(l)),
            _ => throw new ArgumentException($"load: '{l.Kind}' is not a load simulation", nameof(load)),
        })];
    }
}

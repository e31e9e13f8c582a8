using FleetSim.Policy.Spec;

namespace FleetSim.Scenarios.Spec;

/// <summary>A scenario file as written: the fleet, who connects, how hard, and what must hold.</summary>
public sealed record ScenarioSpec
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Seeds the fleet generator and every client choice: the same file gives the same run.</summary>
    public int Seed { get; init; } = 1;

    public ScenarioFleetSpec? Fleet { get; init; }
    public List<PopulationSpec> Populations { get; init; } = [];
    public List<LoadSimulationSpec> Load { get; init; } = [];
    public List<string> Thresholds { get; init; } = [];

    /// <summary>Results during the warm-up are not counted, e.g. "3s".</summary>
    public string? WarmUp { get; init; }

    /// <summary>Abort the run after this many failed operations (none by default).</summary>
    public int? MaxFailCount { get; init; }

    /// <summary>Overrides the fleet's queueing model section (see the fleet's "model"), whole.</summary>
    public Policy.Model.ModelSpec? Model { get; init; }
}

/// <summary>Exactly one of: an inline fleet specification, a fleet file, or a generator.</summary>
public sealed record ScenarioFleetSpec
{
    public FleetSpec? Inline { get; init; }
    public string? File { get; init; }
    public FleetGeneratorSpec? Generate { get; init; }
}

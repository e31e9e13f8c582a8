using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Reading;

/// <summary>
/// A scenario file read, checked and with its fleet in hand. The load harness's own
/// <c>FleetSim.Harness.Scenario</c> is what a run makes of it (see FleetSim.Runs).
/// </summary>
public sealed record ScenarioFile(ScenarioSpec Spec, FleetSpec Fleet, string Source);

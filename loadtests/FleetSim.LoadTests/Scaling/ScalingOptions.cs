using FleetSim.Scenarios.Reading;

namespace FleetSim.LoadTests.Scaling;

/// <param name="Scenario">The scenario every configuration plays.</param>
/// <param name="SiloProcesses">The cluster sizes to measure, besides the embedded silo.</param>
/// <param name="Duration">The load plan's length in each configuration (warm-up not included).</param>
/// <param name="OutputFolder">scaling.md, scaling.json and one report folder per configuration.</param>
/// <param name="CommandLine">How the run was asked for, quoted in scaling.md.</param>
public sealed record ScalingOptions(ScenarioFile Scenario, IReadOnlyList<int> SiloProcesses, TimeSpan Duration, string OutputFolder, string CommandLine);

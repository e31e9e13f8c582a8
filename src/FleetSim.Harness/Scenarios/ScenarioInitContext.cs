namespace FleetSim.Harness;

/// <summary>What a scenario's init and clean hooks are given.</summary>
/// <param name="ScenarioName">The scenario being prepared or cleaned up.</param>
/// <param name="CancellationToken">Cancelled when the run is cancelled.</param>
public sealed record ScenarioInitContext(string ScenarioName, CancellationToken CancellationToken);

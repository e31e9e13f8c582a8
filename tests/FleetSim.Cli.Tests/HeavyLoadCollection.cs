namespace FleetSim.Cli.Tests;

/// <summary>
/// Tests that drive real load or kill silos: they run one at a time, after the others, so that
/// neither starves the other's processes on a 2-core machine (a starved quickstart breaks its
/// latency threshold; a starved cluster takes longer to notice a dead silo).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoadCollection
{
    public const string Name = "heavy load";
}

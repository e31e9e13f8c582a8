namespace FleetSim.Harness;

/// <summary>The iterations an IterationsFor phase may still start, shared by its copies.</summary>
internal sealed class IterationBudget(long iterations)
{
    private long _remaining = iterations;

    public bool TryTake() => Interlocked.Decrement(ref _remaining) >= 0;
}

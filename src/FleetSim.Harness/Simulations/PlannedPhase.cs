namespace FleetSim.Harness;

/// <summary>
/// A load simulation with its starting level resolved from the stage before it (a ramp starts
/// where the previous stage of its model ended). Pure data: the executors follow it, tests read it.
/// </summary>
/// <param name="Source">The simulation this phase was planned from.</param>
/// <param name="During">How long the phase lasts; null when it is bounded by an iteration count.</param>
internal abstract record PlannedPhase(LoadSimulation Source, TimeSpan? During);

/// <summary>Closed model: copies loop; their number moves linearly from <paramref name="FromCopies"/> to <paramref name="ToCopies"/>.</summary>
internal sealed record ClosedPhase(LoadSimulation Source, int FromCopies, int ToCopies, TimeSpan? During, long? Iterations)
    : PlannedPhase(Source, During)
{
    /// <summary>How many copies loop at <paramref name="elapsed"/> into the phase.</summary>
    public int CopiesAt(TimeSpan elapsed)
    {
        if (During is not { } during || FromCopies == ToCopies || elapsed >= during)
            return ToCopies;
        if (elapsed <= TimeSpan.Zero)
            return FromCopies;
        double share = elapsed / during;
        return (int)Math.Round(FromCopies + ((ToCopies - FromCopies) * share), MidpointRounding.AwayFromZero);
    }
}

/// <summary>
/// Open model: iterations start by the clock. The rate is per <paramref name="Interval"/> and moves
/// linearly from <paramref name="FromRate"/> to <paramref name="ToRate"/> over the phase; with
/// <paramref name="RandomRates"/> each interval draws its own rate instead.
/// </summary>
internal sealed record OpenPhase(
    LoadSimulation Source,
    double FromRate,
    double ToRate,
    TimeSpan Interval,
    TimeSpan? During,
    long? Iterations,
    (int Min, int Max)? RandomRates = null)
    : PlannedPhase(Source, During);

/// <summary>Nothing starts.</summary>
internal sealed record PausePhase(LoadSimulation Source, TimeSpan Pause) : PlannedPhase(Source, Pause);

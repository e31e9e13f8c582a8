namespace FleetSim.Harness;

/// <summary>How the run stands at a tick, for the console.</summary>
/// <param name="Elapsed">Run time so far, warm-up included.</param>
/// <param name="Planned">The longest scenario's planned time, when every phase has a duration.</param>
/// <param name="Scenarios">Each scenario.</param>
/// <param name="AbortReason">Why the run is stopping early, if it is.</param>
internal sealed record ProgressSnapshot(TimeSpan Elapsed, TimeSpan? Planned, IReadOnlyList<ScenarioProgress> Scenarios, string? AbortReason);

/// <summary>
/// One scenario at a tick. Finished: its last phase has ended, no iteration starts any more;
/// Draining: then, the iterations (sessions) still running, which the run waits for up to its graceful stop.
/// </summary>
internal sealed record ScenarioProgress(
    string Name,
    bool WarmingUp,
    bool Finished,
    int ActiveCopies,
    double CurrentRps,
    double CurrentP99Ms,
    long OkCount,
    long FailCount,
    long DroppedCount,
    IReadOnlyList<OutcomeCount> Outcomes,
    int Draining = 0);

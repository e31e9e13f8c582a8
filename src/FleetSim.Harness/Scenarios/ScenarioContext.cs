namespace FleetSim.Harness;

/// <summary>
/// What a scenario's function is given: one per copy (virtual user), reused across that copy's
/// iterations so that an iteration allocates nothing.
/// </summary>
public sealed class ScenarioContext
{
    internal ScenarioContext(ScenarioRuntime runtime, int copyNumber, Random random)
    {
        Runtime = runtime;
        CopyNumber = copyNumber;
        Random = random;
    }

    internal ScenarioRuntime Runtime { get; }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName => Runtime.Scenario.Name;

    /// <summary>The copy's number within its model (closed-model copy or open-model worker), from 0.</summary>
    public int CopyNumber { get; }

    /// <summary>How many iterations this copy has started, the current one included.</summary>
    public long InvocationNumber { get; private set; }

    /// <summary>
    /// A random source for the iteration: in the closed model seeded from the scenario's seed and
    /// the copy's number, in the open model from the seed and the iteration's
    /// <see cref="ScheduleNumber"/>, so that the same run draws the same keys (in the open model,
    /// for the same iteration, whichever worker runs it). Use it with the key choosers
    /// (<see cref="ZipfKeys"/>, <see cref="WeightedChoice{T}"/>). Not thread-safe, as the copy is sequential.
    /// </summary>
    public Random Random { get; }

    /// <summary>
    /// In the open model, the iteration's place in the run's schedule, from 0 (the warm-up's first):
    /// the same in every run of the same plan, whichever worker runs it. -1 in the closed model,
    /// where the engine's pace decides which iterations there are.
    /// </summary>
    public long ScheduleNumber { get; private set; } = -1;

    /// <summary>
    /// In the open model, when the iteration was meant to start, from the start of the run's load
    /// (the warm-up's start): its place in the schedule, the same in every run of the same plan as
    /// long as no closed phase came before it. Null in the closed model.
    /// </summary>
    public TimeSpan? ScheduledAt => ScheduleNumber < 0 ? null : Runtime.Time.GetElapsedTime(Runtime.ScheduleStart, IntendedStart);

    /// <summary>True while the scenario warms up: this iteration's results are not counted.</summary>
    public bool IsWarmUp => !Measured;

    /// <summary>The run's clock (a fake one in tests).</summary>
    public TimeProvider TimeProvider => Runtime.Time;

    /// <summary>Cancelled when the run is cancelled or the graceful stop runs out.</summary>
    public CancellationToken CancellationToken => Runtime.IterationToken;

    internal long IntendedStart { get; private set; }

    /// <summary>
    /// When this iteration was meant to start, on the run's clock: in the open model its place in
    /// the schedule; in the closed model, when the engine started it.
    /// </summary>
    public DateTimeOffset IntendedStartTime => ScheduledAt is { } at
        ? Runtime.ScheduleStartTime + at
        : Runtime.Time.GetUtcNow() - Runtime.Time.GetElapsedTime(IntendedStart);

    internal bool Measured { get; private set; }

    private bool _firstStepPending;

    /// <summary>Stops the whole run, as a broken invariant would; the reason appears in the result.</summary>
    public void StopRun(string reason) => Runtime.Control.Abort($"scenario '{ScenarioName}' stopped the run: {reason}");

    internal void BeginIteration(long intendedStart, bool measured, long scheduleNumber = -1)
    {
        IntendedStart = intendedStart;
        ScheduleNumber = scheduleNumber;
        if (scheduleNumber >= 0 && Random is IterationRandom random)
            random.Reseed(Runtime.IterationSeed(scheduleNumber));
        Measured = measured;
        InvocationNumber++;
        _firstStepPending = true;
    }

    /// <summary>
    /// Where a step's latency starts: the first step of an iteration counts from the iteration's
    /// intended start, so that in the open model the time spent waiting for a free copy is not
    /// hidden from step statistics (coordinated omission); later steps count from their own start.
    /// </summary>
    internal long TakeStepStart()
    {
        if (_firstStepPending)
        {
            _firstStepPending = false;
            return IntendedStart;
        }
        return Runtime.Now();
    }
}

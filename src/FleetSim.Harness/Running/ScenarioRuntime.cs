namespace FleetSim.Harness;

/// <summary>
/// A scenario's state during a run: its clock, its stats slots, its counters, and how an iteration
/// is completed. Shared by the closed and open executors and by <see cref="Step"/>.
/// </summary>
internal sealed class ScenarioRuntime : IDisposable
{
    private readonly Lock _stepsGate = new();
    private readonly double _microsecondsPerTick;
    private readonly CancellationTokenSource _iterations;
    private volatile StepEntry[] _steps = [];
    private volatile bool _measuring;
    private long _failCount;
    private long _dropped;
    private long _late;
    private int _activeCopies;
    private int _peakActiveCopies;

    public ScenarioRuntime(Scenario scenario, TimeProvider time, RunControl control)
    {
        Scenario = scenario;
        Time = time;
        Control = control;
        Totals = new StatsSlot(scenario.Name, null);
        Plan = LoadPlan.Compile(scenario.LoadSimulations);
        _microsecondsPerTick = 1_000_000d / time.TimestampFrequency;
        _iterations = CancellationTokenSource.CreateLinkedTokenSource(control.HardToken);
    }

    public Scenario Scenario { get; }

    public TimeProvider Time { get; }

    public RunControl Control { get; }

    public IReadOnlyList<PlannedPhase> Plan { get; }

    /// <summary>The scenario's own results: one per iteration.</summary>
    public StatsSlot Totals { get; }

    public CancellationToken IterationToken => _iterations.Token;

    public bool StopRequested => Control.Stopping;

    public bool Measuring => _measuring;

    /// <summary>Timestamp when measuring began (after the warm-up); null until then.</summary>
    public long? MeasuredStart { get; private set; }

    /// <summary>Timestamp when the last phase ended; null until then.</summary>
    public long? MeasuredEnd { get; private set; }

    /// <summary>Iterations still running when the graceful stop ran out, abandoned.</summary>
    public int AbandonedCopies { get; set; }

    public long DroppedCount => Interlocked.Read(ref _dropped);

    public long LateCount => Interlocked.Read(ref _late);

    public int ActiveCopies => Volatile.Read(ref _activeCopies);

    public IReadOnlyList<StatsSlot> StepSlots => [.. _steps.Select(entry => entry.Slot)];

    public long Now() => Time.GetTimestamp();

    public long ElapsedMicroseconds(long start) => (long)((Time.GetTimestamp() - start) * _microsecondsPerTick);

    public long ToTimestampTicks(TimeSpan span) => (long)(span.Ticks * (Time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    /// <summary>A copy's context, with a random source of its own derived from the scenario's seed.</summary>
    public ScenarioContext CreateContext(int copyNumber, int stream) =>
        new(this, copyNumber, new Random(MixSeed(Scenario.RandomSeed, stream, copyNumber)));

    /// <summary>An open-model worker's context, whose random source is reseeded at each iteration by its place in the schedule.</summary>
    public ScenarioContext CreateScheduledContext(int workerNumber) => new(this, workerNumber, new IterationRandom());

    /// <summary>When the run's load began (the warm-up's start): where scheduled start times count from.</summary>
    public long ScheduleStart { get; private set; }

    /// <summary><see cref="ScheduleStart"/> on the run's wall clock, read once, so that scheduled start times do not pick up the clocks' drift.</summary>
    public DateTimeOffset ScheduleStartTime { get; private set; }

    public void BeginSchedule()
    {
        ScheduleStart = Now();
        ScheduleStartTime = Time.GetUtcNow();
    }

    /// <summary>The seed of the iteration at <paramref name="scheduleNumber"/> in the open model's schedule.</summary>
    public ulong IterationSeed(long scheduleNumber) => Mix(((ulong)(uint)Scenario.RandomSeed << 32) ^ (ulong)scheduleNumber ^ 0x5DEECE66DUL);

    // HashCode.Combine is seeded per process; a run must draw the same keys every time, so mix by hand (SplitMix64's finalizer).
    private static int MixSeed(int seed, int stream, int copyNumber)
    {
        return (int)Mix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 24) ^ (uint)copyNumber);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void BeginMeasuring()
    {
        MeasuredStart = Now();
        _measuring = true;
    }

    public void EndMeasuring() => MeasuredEnd = Now();

    public StatsSlot StepSlot(string name)
    {
        // Step names are usually literals, so a reference comparison finds them without hashing.
        var steps = _steps;
        foreach (var entry in steps)
        {
            if (ReferenceEquals(entry.Name, name))
                return entry.Slot;
        }
        foreach (var entry in steps)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
                return entry.Slot;
        }
        return AddStep(name);
    }

    /// <summary>Records a finished iteration, measured from its intended start, and enforces the fail limit.</summary>
    public void Complete(ScenarioContext context, in Response response)
    {
        if (!context.Measured)
            return;
        Totals.Record(ElapsedMicroseconds(context.IntendedStart), response);
        if (response.IsError && Scenario.MaxFailCount is { } max && Interlocked.Increment(ref _failCount) > max)
            Control.Abort($"scenario '{Scenario.Name}' failed more than {max} times (max fail count)");
    }

    public void CountDropped(bool measured)
    {
        if (measured)
            Interlocked.Increment(ref _dropped);
    }

    public void CountLate(bool measured)
    {
        if (measured)
            Interlocked.Increment(ref _late);
    }

    public void CopyStarted()
    {
        int active = Interlocked.Increment(ref _activeCopies);
        // A short open-model call is rarely caught busy at a tick; the peak since the last tick is.
        // Raising it is a rare compare-and-swap: most starts find the peak already higher.
        int peak = Volatile.Read(ref _peakActiveCopies);
        while (active > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakActiveCopies, active, peak);
            if (seen == peak)
                break;
            peak = seen;
        }
    }

    /// <summary>The most copies busy at once since the last call (at least those busy now).</summary>
    public int TakePeakActiveCopies() => Interlocked.Exchange(ref _peakActiveCopies, Volatile.Read(ref _activeCopies));

    public void CopyStopped() => Interlocked.Decrement(ref _activeCopies);

    public void CancelIterations() => _iterations.Cancel();

    public void Dispose()
    {
        // Abandoned iterations may still read their token; leave its source to the collector then.
        if (AbandonedCopies == 0)
            _iterations.Dispose();
    }

    private StatsSlot AddStep(string name)
    {
        lock (_stepsGate)
        {
            foreach (var entry in _steps)
            {
                if (string.Equals(entry.Name, name, StringComparison.Ordinal))
                    return entry.Slot;
            }
            NameRules.Validate(name, "step");
            var slot = new StatsSlot(Scenario.Name, name);
            _steps = [.. _steps, new StepEntry(name, slot)];
            return slot;
        }
    }

    private sealed record StepEntry(string Name, StatsSlot Slot);
}

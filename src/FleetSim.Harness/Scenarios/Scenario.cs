namespace FleetSim.Harness;

/// <summary>
/// A named async function run by many copies under a chain of load simulations, NBomber's
/// <c>ScenarioProps</c>. Immutable: each <c>With...</c> returns a changed copy.
/// </summary>
public sealed class Scenario
{
    private Scenario(string name, Func<ScenarioContext, ValueTask<Response>> run)
    {
        Name = name;
        Run = run;
        RandomSeed = StableHash(name);
    }

    /// <summary>The scenario's name, used in reports and thresholds (<c>connect.p99 &lt; 50ms</c>).</summary>
    public string Name { get; }

    /// <summary>One iteration; its response is the scenario's statistics.</summary>
    public Func<ScenarioContext, ValueTask<Response>> Run { get; }

    /// <summary>Runs once before the run's clock starts.</summary>
    public Func<ScenarioInitContext, Task>? Init { get; private set; }

    /// <summary>Runs once after the scenario's copies have stopped.</summary>
    public Func<ScenarioInitContext, Task>? Clean { get; private set; }

    /// <summary>How long the first load simulation runs, uncounted, before the measured run.</summary>
    public TimeSpan WarmUpDuration { get; private set; }

    /// <summary>The load simulations, run one after another.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; private set; } = [];

    /// <summary>When more iterations than this fail, the run stops; null for no limit.</summary>
    public long? MaxFailCount { get; private set; }

    /// <summary>Open model: at most this many iterations run at once; more wait for a free copy.</summary>
    public int MaxConcurrentCopies { get; private set; } = 10_000;

    /// <summary>Open model: an iteration that cannot start within this delay of its intended start is dropped.</summary>
    public TimeSpan MaxStartDelay { get; private set; } = TimeSpan.FromSeconds(1);

    /// <summary>Open model: an iteration that starts later than this after its intended start counts as late.</summary>
    public TimeSpan LateAfter { get; private set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Seeds the copies' <see cref="ScenarioContext.Random"/> and InjectRandom's rates.</summary>
    public int RandomSeed { get; private set; }

    /// <summary>Creates a scenario; <paramref name="name"/> may not hold spaces, '/', '&lt;', '&gt;' or '='.</summary>
    public static Scenario Create(string name, Func<ScenarioContext, ValueTask<Response>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        NameRules.Validate(name, "scenario");
        return new Scenario(name, run);
    }

    /// <summary>Sets the hook that runs once before the run starts (connect clients, seed data).</summary>
    public Scenario WithInit(Func<ScenarioInitContext, Task> init) => With(s => s.Init = init);

    /// <summary>Sets the hook that runs once after the scenario stops.</summary>
    public Scenario WithClean(Func<ScenarioInitContext, Task> clean) => With(s => s.Clean = clean);

    /// <summary>Runs the first load simulation for <paramref name="duration"/> before measuring; its results are not counted.</summary>
    public Scenario WithWarmUpDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return With(s => s.WarmUpDuration = duration);
    }

    /// <summary>Measures from the first iteration (the default).</summary>
    public Scenario WithoutWarmUp() => With(s => s.WarmUpDuration = TimeSpan.Zero);

    /// <summary>Sets the load simulations, run in order; at least one is required.</summary>
    public Scenario WithLoadSimulations(params LoadSimulation[] simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Length == 0)
            throw new ArgumentException($"Scenario '{Name}': give at least one load simulation.", nameof(simulations));
        return With(s => s.LoadSimulations = [.. simulations]);
    }

    /// <summary>Stops the run when more than <paramref name="maxFailCount"/> measured iterations fail.</summary>
    public Scenario WithMaxFailCount(long maxFailCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFailCount);
        return With(s => s.MaxFailCount = maxFailCount);
    }

    /// <summary>
    /// Bounds the open model: at most <paramref name="maxConcurrentCopies"/> iterations at once; an
    /// iteration still waiting <paramref name="maxStartDelay"/> after its intended start is dropped
    /// (counted in dropped.count) instead of run; one that starts later than <paramref name="lateAfter"/>
    /// counts as late.
    /// </summary>
    public Scenario WithOpenModelLimits(int maxConcurrentCopies, TimeSpan maxStartDelay, TimeSpan? lateAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentCopies, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStartDelay, TimeSpan.Zero);
        return With(s =>
        {
            s.MaxConcurrentCopies = maxConcurrentCopies;
            s.MaxStartDelay = maxStartDelay;
            s.LateAfter = lateAfter ?? s.LateAfter;
        });
    }

    /// <summary>Seeds the scenario's random sources; by default the seed derives from the name.</summary>
    public Scenario WithRandomSeed(int seed) => With(s => s.RandomSeed = seed);

    private Scenario With(Action<Scenario> change)
    {
        var copy = (Scenario)MemberwiseClone();
        change(copy);
        return copy;
    }

    // string.GetHashCode is randomized per process; a run must draw the same keys every time.
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
            hash = (hash ^ c) * 16777619;
        return (int)hash;
    }
}

namespace FleetSim.Harness;

/// <summary>
/// What a run measured and whether it passed. Hosts map <see cref="ExitCode"/> to the process's
/// exit code: 1 when a threshold broke or the run stopped early.
/// </summary>
public sealed class RunResult
{
    private readonly List<SummaryNote> _notes;
    private readonly List<string> _reportFiles = [];

    internal RunResult(
        string testName,
        DateTimeOffset startedAt,
        TimeSpan duration,
        IReadOnlyList<ScenarioStats> scenarios,
        CallStats all,
        long droppedCount,
        IReadOnlyList<IntervalStats> history,
        TimeSpan reportingInterval,
        IReadOnlyList<ThresholdResult> thresholds,
        string? abortReason,
        IEnumerable<SummaryNote> notes)
    {
        TestName = testName;
        StartedAt = startedAt;
        Duration = duration;
        Scenarios = scenarios;
        All = all;
        DroppedCount = droppedCount;
        History = history;
        ReportingInterval = reportingInterval;
        Thresholds = thresholds;
        AbortReason = abortReason;
        _notes = [.. notes];
    }

    /// <summary>The run's name, as given to <see cref="LoadRunner.WithTestName"/>.</summary>
    public string TestName { get; }

    /// <summary>When the run's clock started (after the scenarios' init).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The run's length, warm-ups included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Each scenario, in registration order.</summary>
    public IReadOnlyList<ScenarioStats> Scenarios { get; }

    /// <summary>Every scenario's iterations together (scope "all" in thresholds).</summary>
    public CallStats All { get; }

    /// <summary>Open-model iterations dropped, over all scenarios.</summary>
    public long DroppedCount { get; }

    /// <summary>One row per reporting interval for "all", each scenario and each step.</summary>
    public IReadOnlyList<IntervalStats> History { get; }

    /// <summary>The length of a history row's interval.</summary>
    public TimeSpan ReportingInterval { get; }

    /// <summary>Every threshold, kept or broken.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; }

    /// <summary>The broken thresholds.</summary>
    public IReadOnlyList<ThresholdResult> BrokenThresholds => [.. Thresholds.Where(threshold => !threshold.Passed)];

    /// <summary>Why the run stopped early (max fail count, a threshold, a scenario, "cancelled"); null when it ran its course.</summary>
    public string? AbortReason { get; }

    /// <summary>Whether the run stopped early.</summary>
    public bool Aborted => AbortReason is not null;

    /// <summary>Ran its course and broke no threshold.</summary>
    public bool Passed => !Aborted && Thresholds.All(threshold => threshold.Passed);

    /// <summary>0 when <see cref="Passed"/>, otherwise 1.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>The hosts' extra figures and the harness's own remarks.</summary>
    public IReadOnlyList<SummaryNote> Notes => _notes;

    /// <summary>The report files written, if any.</summary>
    public IReadOnlyList<string> ReportFiles => _reportFiles;

    /// <summary>The scenario named <paramref name="name"/>.</summary>
    public ScenarioStats Scenario(string name) =>
        Scenarios.FirstOrDefault(scenario => scenario.Name == name)
        ?? throw new ArgumentException($"The run has no scenario named '{name}'; it has {string.Join(", ", Scenarios.Select(s => s.Name))}.", nameof(name));

    /// <summary>
    /// Adds a figure to the summary. Notes added after the run reach <see cref="FormatSummary"/> and
    /// reports written later with <see cref="ReportWriter"/>; to have them in the run's own reports,
    /// use <see cref="LoadRunner.WithSummaryNotes(Func{CancellationToken, Task{IEnumerable{SummaryNote}}})"/>.
    /// </summary>
    public void AddNote(string label, string value) => _notes.Add(new SummaryNote(label, value));

    /// <summary>The end-of-run summary, plain text, readable in five seconds.</summary>
    public string FormatSummary() => RunSummary.Format(this);

    internal void AddReportFiles(IEnumerable<string> files) => _reportFiles.AddRange(files);
}

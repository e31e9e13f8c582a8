namespace FleetSim.Harness;

/// <summary>
/// Runs registered scenarios at once, checks thresholds, shows progress and writes reports:
/// NBomber's <c>NBomberRunner</c>. Immutable: each <c>With...</c> returns a changed copy.
/// </summary>
/// <example>
/// <code>
/// var result = await LoadRunner.Create()
///     .RegisterScenarios(scenario)
///     .WithThresholds("connect.p99 &lt; 50ms", "fail.rate &lt; 0.01")
///     .WithReportFolder("reports")
///     .RunAsync(cancellationToken);
/// return result.ExitCode;
/// </code>
/// </example>
public sealed class LoadRunner
{
    private RunOptions _options = new(
        TestName: "load",
        Scenarios: [],
        Thresholds: [],
        ReportFolder: null,
        ReportFileName: "report",
        ReportFormats: ReportFormats.All,
        ReportingInterval: TimeSpan.FromSeconds(1),
        ConsoleMode: ConsoleMode.Auto,
        Time: TimeProvider.System,
        GracefulStopTimeout: TimeSpan.FromSeconds(10),
        SummaryNotes: null);

    private LoadRunner()
    {
    }

    /// <summary>A runner with defaults: 1 s reporting interval, console Auto, no report files, 10 s graceful stop.</summary>
    public static LoadRunner Create() => new();

    /// <summary>Adds scenarios; they run at the same time. Names must differ.</summary>
    public LoadRunner RegisterScenarios(params Scenario[] scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var all = _options.Scenarios.Concat(scenarios).ToArray();
        var duplicate = all.GroupBy(scenario => scenario.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two scenarios are named '{duplicate.Key}'; names must differ (thresholds and reports use them).", nameof(scenarios));
        return With(_options with { Scenarios = all });
    }

    /// <summary>Names the run in reports and the summary.</summary>
    public LoadRunner WithTestName(string testName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        return With(_options with { TestName = testName });
    }

    /// <summary>Adds thresholds as expressions (<c>connect.p99 &lt; 50ms</c>), checked at the end; parse errors throw at once.</summary>
    public LoadRunner WithThresholds(params string[] expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        return WithThresholds([.. expressions.Select(Threshold.Parse)]);
    }

    /// <summary>Adds thresholds; those made with <see cref="Threshold.AbortingRun"/> are also checked while the run goes.</summary>
    public LoadRunner WithThresholds(params Threshold[] thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return With(_options with { Thresholds = [.. _options.Thresholds, .. thresholds] });
    }

    /// <summary>Writes reports into <paramref name="folder"/> (created if missing); without it no files are written.</summary>
    public LoadRunner WithReportFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return With(_options with { ReportFolder = folder });
    }

    /// <summary>The reports' base name: report.html, report.md, report.json, report_stats.csv, report_stats_history.csv, report_outcomes.csv.</summary>
    public LoadRunner WithReportFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"'{fileName}' is not a file name.", nameof(fileName));
        return With(_options with { ReportFileName = fileName });
    }

    /// <summary>Which reports to write (all by default).</summary>
    public LoadRunner WithReportFormats(ReportFormats formats) => With(_options with { ReportFormats = formats });

    /// <summary>
    /// The history's interval (default 1 s): at most 1 s, or a whole number of seconds. The console
    /// refreshes at least once a second whatever the interval.
    /// </summary>
    public LoadRunner WithReportingInterval(TimeSpan interval)
    {
        if (interval < TimeSpan.FromMilliseconds(100))
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The reporting interval must be at least 100 ms.");
        if (interval > TimeSpan.FromSeconds(1) && interval.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A reporting interval over 1 s must be a whole number of seconds.");
        return With(_options with { ReportingInterval = interval });
    }

    /// <summary>How progress is shown: a live table on a terminal, lines when redirected (Auto), or nothing.</summary>
    public LoadRunner WithConsole(ConsoleMode mode) => With(_options with { ConsoleMode = mode });

    /// <summary>Plain progress lines and the summary into <paramref name="output"/> instead of the console: for tests that read them.</summary>
    internal LoadRunner WithPlainConsole(TextWriter output) => With(_options with { ConsoleMode = ConsoleMode.Plain, PlainOutput = output });

    /// <summary>The clock every schedule, latency and interval uses; tests pass a fake one.</summary>
    public LoadRunner WithTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return With(_options with { Time = time });
    }

    /// <summary>How long running iterations may finish after the last phase before they are cancelled and abandoned.</summary>
    public LoadRunner WithGracefulStopTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return With(_options with { GracefulStopTimeout = timeout });
    }

    /// <summary>Adds the host's own figures (e.g. audit records written) to the summary and reports, gathered after the scenarios' clean.</summary>
    public LoadRunner WithSummaryNotes(Func<CancellationToken, Task<IEnumerable<SummaryNote>>> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return With(_options with { SummaryNotes = notes });
    }

    /// <summary>Adds the host's own figures, gathered synchronously.</summary>
    public LoadRunner WithSummaryNotes(Func<IEnumerable<SummaryNote>> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return WithSummaryNotes(_ => Task.FromResult(notes()));
    }

    /// <summary>
    /// Runs every scenario to the end of its simulations, or until a threshold set to abort breaks, a
    /// scenario exceeds its max fail count, or <paramref name="cancellationToken"/> fires. Cancelling
    /// does not throw: the result says "cancelled" and reports are still written for what ran.
    /// </summary>
    public Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        if (_options.Scenarios.Count == 0)
            throw new InvalidOperationException("No scenario registered: call RegisterScenarios first.");
        var missing = _options.Scenarios.FirstOrDefault(scenario => scenario.LoadSimulations.Count == 0);
        if (missing is not null)
            throw new InvalidOperationException($"Scenario '{missing.Name}' has no load simulation: call WithLoadSimulations (runs are bounded, so durations are required).");
        return new RunSession(_options).RunAsync(cancellationToken);
    }

    private LoadRunner With(RunOptions options) => new() { _options = options };
}

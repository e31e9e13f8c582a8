namespace FleetSim.Harness;

/// <summary>
/// One run from init to reports: starts every scenario at once, ticks the collector (at least once
/// a second), closes reporting intervals, checks run-time thresholds, then cleans up, judges the
/// thresholds and writes the reports.
/// </summary>
internal sealed class RunSession(RunOptions options)
{
    private static readonly TimeSpan s_maxTick = TimeSpan.FromSeconds(1);
    private readonly HashSet<Threshold> _brokenAtRunTime = [];

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var time = options.Time;
        var control = new RunControl(cancellationToken);
        var runtimes = options.Scenarios.Select(scenario => new ScenarioRuntime(scenario, time, control)).ToArray();
        var notes = new List<SummaryNote>();
        var view = RunViews.Create(options.ConsoleMode, options.PlainOutput);
        try
        {
            var initialized = await InitAsync(runtimes, control, cancellationToken);

            long runStart = time.GetTimestamp();
            var startedAt = time.GetUtcNow();
            var collector = new StatsCollector(runtimes, time, runStart, startedAt);
            if (initialized.Count == runtimes.Length)
            {
                view.Start(options.TestName, PlannedDuration(runtimes));
                await TickUntilDoneAsync(runtimes, collector, control, view, runStart);
            }
            long end = time.GetTimestamp();

            await CleanAsync(initialized, notes, cancellationToken);
            foreach (var runtime in runtimes.Where(runtime => runtime.AbandonedCopies > 0))
                notes.Add(new SummaryNote($"{runtime.Scenario.Name}: abandoned", $"{runtime.AbandonedCopies} iterations still running after the {options.GracefulStopTimeout.TotalSeconds:0.#} s graceful stop"));

            var (scenarios, all, allDropped) = collector.CurrentStats(end);
            var thresholds = options.Thresholds
                .Select(threshold => ThresholdEvaluator.Evaluate(threshold, scenarios, all, allDropped, _brokenAtRunTime.Contains(threshold)))
                .ToArray();
            if (options.SummaryNotes is { } gather)
                notes.AddRange(await GatherNotesAsync(gather, cancellationToken));

            var result = new RunResult(options.TestName, startedAt, time.GetElapsedTime(runStart, end), scenarios, all, allDropped,
                collector.History, options.ReportingInterval, thresholds, control.AbortReason, notes);
            WriteReports(result);
            await view.FinishAsync(result);
            return result;
        }
        finally
        {
            foreach (var runtime in runtimes)
                runtime.Dispose();
            // Abandoned iterations may still call into the control (an abort, their token): keep it then.
            if (runtimes.All(runtime => runtime.AbandonedCopies == 0))
                control.Dispose();
            (view as IDisposable)?.Dispose();
        }
    }

    private static async Task<List<ScenarioRuntime>> InitAsync(ScenarioRuntime[] runtimes, RunControl control, CancellationToken cancellationToken)
    {
        var initialized = new List<ScenarioRuntime>();
        foreach (var runtime in runtimes)
        {
            if (runtime.Scenario.Init is { } init)
            {
                try
                {
                    await init(new ScenarioInitContext(runtime.Scenario.Name, cancellationToken));
                }
                catch (Exception exception)
                {
                    // No scenario starts when one cannot be prepared; those already prepared are cleaned.
                    control.Abort($"init of scenario '{runtime.Scenario.Name}' failed: {exception.GetType().Name}: {exception.Message}");
                    break;
                }
            }
            initialized.Add(runtime);
        }
        return initialized;
    }

    private async Task TickUntilDoneAsync(ScenarioRuntime[] runtimes, StatsCollector collector, RunControl control, IRunView view, long runStart)
    {
        var time = options.Time;
        var scenarios = Task.WhenAll(runtimes.Select(runtime =>
            Task.Run(() => new ScenarioRunner(runtime, options.GracefulStopTimeout).RunAsync())));
        var interval = options.ReportingInterval;
        // The console refreshes at every tick, so a tick is at most a second even for longer intervals.
        var tick = interval < s_maxTick ? interval : s_maxTick;
        long ticksPerInterval = interval.Ticks / tick.Ticks;
        long tickLength = runtimes[0].ToTimestampTicks(tick);
        var planned = PlannedDuration(runtimes);
        long next = runStart + tickLength;
        long tickCount = 0;
        while (true)
        {
            long now = time.GetTimestamp();
            if (next > now)
                await Task.WhenAny(scenarios, Task.Delay(time.GetElapsedTime(now, next), time));
            if (scenarios.IsCompleted)
                break;
            now = time.GetTimestamp();
            if (now < next)
                continue; // a timer may fire a little early: a tick is due only at its time
            collector.Tick();
            view.Update(collector.Progress(now, planned, control.AbortReason));
            if (++tickCount % ticksPerInterval == 0)
                collector.CloseInterval(now);
            CheckRunTimeThresholds(collector, control, runStart, now);
            while (next <= now)
                next += tickLength;
        }
        await scenarios; // a harness bug in a scenario's runner surfaces here

        long end = time.GetTimestamp();
        collector.Tick();
        view.Update(collector.Progress(end, planned, control.AbortReason));
        // A last partial interval gets its own row when it is at least half a tick long; a shorter
        // tail (iterations finishing after the last phase) would chart as a spike of rate from a
        // handful of calls, so its results count in the totals only.
        collector.CloseInterval(end, emitRows: time.GetElapsedTime(collector.IntervalStart, end) >= tick / 2);
    }

    private void CheckRunTimeThresholds(StatsCollector collector, RunControl control, long runStart, long now)
    {
        var elapsed = options.Time.GetElapsedTime(runStart, now);
        var due = options.Thresholds
            .Where(threshold => threshold.AbortOnFail && elapsed >= threshold.StartCheckingAfter && !_brokenAtRunTime.Contains(threshold))
            .ToArray();
        if (due.Length == 0)
            return;
        var (scenarios, all, allDropped) = collector.CurrentStats(now);
        foreach (var threshold in due)
        {
            var result = ThresholdEvaluator.Evaluate(threshold, scenarios, all, allDropped);
            // A scope not seen yet (a step that has not run) is judged at the end, not now.
            if (result.Passed || result.Actual is null)
                continue;
            _brokenAtRunTime.Add(threshold);
            control.Abort($"threshold broken during the run: {result.Message}");
        }
    }

    private static async Task CleanAsync(List<ScenarioRuntime> initialized, List<SummaryNote> notes, CancellationToken cancellationToken)
    {
        foreach (var runtime in initialized)
        {
            if (runtime.Scenario.Clean is not { } clean)
                continue;
            try
            {
                await clean(new ScenarioInitContext(runtime.Scenario.Name, cancellationToken));
            }
            catch (Exception exception)
            {
                notes.Add(new SummaryNote($"{runtime.Scenario.Name}: clean failed", $"{exception.GetType().Name}: {exception.Message}"));
            }
        }
    }

    private static async Task<IEnumerable<SummaryNote>> GatherNotesAsync(Func<CancellationToken, Task<IEnumerable<SummaryNote>>> gather, CancellationToken cancellationToken)
    {
        try
        {
            return [.. await gather(cancellationToken)];
        }
        catch (Exception exception)
        {
            return [new SummaryNote("summary notes failed", $"{exception.GetType().Name}: {exception.Message}")];
        }
    }

    private void WriteReports(RunResult result)
    {
        if (options.ReportFolder is not { } folder || options.ReportFormats == ReportFormats.None)
            return;
        try
        {
            result.AddReportFiles(ReportWriter.Write(result, folder, options.ReportFileName, options.ReportFormats));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A long run's figures are worth more than its report files: keep the result, say what failed.
            result.AddNote("reports not written", exception.Message);
        }
    }

    private static TimeSpan? PlannedDuration(IEnumerable<ScenarioRuntime> runtimes)
    {
        TimeSpan longest = TimeSpan.Zero;
        foreach (var runtime in runtimes)
        {
            if (LoadPlan.TotalDuration(runtime.Plan) is not { } total)
                return null;
            total += runtime.Scenario.WarmUpDuration;
            if (total > longest)
                longest = total;
        }
        return longest;
    }
}

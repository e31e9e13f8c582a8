namespace FleetSim.Harness;

/// <summary>
/// Gathers the stripes' results at each tick, closes reporting intervals into history rows, and
/// answers "how does it stand" for the console and run-time thresholds. Used by one loop only.
/// </summary>
internal sealed class StatsCollector
{
    private readonly ScenarioSeries[] _series;
    private readonly TimeProvider _time;
    private readonly long _runStart;
    private readonly DateTimeOffset _startedAt;
    private readonly IntervalBuffer _allInterval = new();
    private readonly IntervalBuffer _allTotal = new();
    private readonly IntervalBuffer _allScratch = new();
    private readonly List<IntervalStats> _history = [];
    private long _intervalStart;
    private int _intervalIndex;

    public StatsCollector(IReadOnlyList<ScenarioRuntime> runtimes, TimeProvider time, long runStart, DateTimeOffset startedAt)
    {
        _series = [.. runtimes.Select(runtime => new ScenarioSeries(runtime))];
        _time = time;
        _runStart = runStart;
        _startedAt = startedAt;
        _intervalStart = runStart;
    }

    public IReadOnlyList<IntervalStats> History => _history;

    public long IntervalStart => _intervalStart;

    public void Tick()
    {
        foreach (var series in _series)
            series.Drain();
    }

    /// <summary>
    /// Closes the interval ending at <paramref name="now"/>: one row for all, each scenario and each
    /// step; without <paramref name="emitRows"/> its results only join the totals.
    /// </summary>
    public void CloseInterval(long now, bool emitRows = true)
    {
        var start = _time.GetElapsedTime(_runStart, _intervalStart);
        var end = _time.GetElapsedTime(_runStart, now);
        var timestamp = _startedAt + end;
        var rows = new List<IntervalStats>();
        _allInterval.Reset();
        int allActive = 0;
        long allDropped = 0, allLate = 0;
        foreach (var series in _series)
        {
            var (dropped, late) = series.TakeCounterDeltas();
            int active = series.TakeIntervalPeakCopies();
            if (!series.MeasuredWithin(_intervalStart, now))
            {
                series.Totals.CloseInterval(); // nothing measured: keep the buffers in step all the same
                foreach (var step in series.Steps)
                    step.CloseInterval();
                continue;
            }
            allActive += active;
            allDropped += dropped;
            allLate += late;
            _allInterval.Add(series.Totals.Interval);
            rows.Add(Row(series.Totals, series.Runtime.Scenario.Name, null, active, dropped, late));
            foreach (var step in series.Steps)
                rows.Add(Row(step, series.Runtime.Scenario.Name, step.Slot.Step, active, 0, 0));
        }
        if (rows.Count > 0 && !emitRows)
        {
            _allTotal.Add(_allInterval);
        }
        else if (rows.Count > 0)
        {
            var interval = _allInterval.Ok.ToStats();
            var outcomes = _allInterval.Outcomes.ToList();
            _allTotal.Add(_allInterval);
            rows.Insert(0, new IntervalStats(_intervalIndex, start, end, timestamp, NameRules.AllScope, null, allActive,
                _allInterval.Ok.Count, _allInterval.Fail.Count, allDropped, allLate, interval, outcomes,
                _allTotal.Ok.Count, _allTotal.Fail.Count, _allTotal.Ok.ToStats()));
            _history.AddRange(rows);
            _intervalIndex++;
        }
        _intervalStart = now;

        IntervalStats Row(SlotSeries slot, string scenario, string? step, int active, long dropped, long late)
        {
            var (latency, outcomes, ok, fail) = slot.CloseInterval();
            return new IntervalStats(_intervalIndex, start, end, timestamp, scenario, step, active, ok, fail, dropped, late,
                latency, outcomes, slot.Total.Ok.Count, slot.Total.Fail.Count, slot.Total.Ok.ToStats());
        }
    }

    /// <summary>Whether anything was recorded since the interval opened.</summary>
    public bool IntervalHasData => _series.Any(series => series.Totals.Interval.Count > 0 || series.Steps.Any(step => step.Interval.Count > 0));

    /// <summary>Each scenario's figures so far (the open interval included) and all scenarios together.</summary>
    public (IReadOnlyList<ScenarioStats> Scenarios, CallStats All, long AllDropped) CurrentStats(long now)
    {
        var scenarios = new List<ScenarioStats>(_series.Length);
        _allScratch.Reset();
        long firstStart = long.MaxValue, lastEnd = long.MinValue, allDropped = 0;
        foreach (var series in _series)
        {
            var runtime = series.Runtime;
            var name = runtime.Scenario.Name;
            var duration = series.MeasuredDuration(now);
            var cumulative = series.Totals.Cumulative();
            _allScratch.Add(cumulative);
            var totals = CallStats.From(name, null, cumulative, duration);
            var steps = series.Steps.Select(step => CallStats.From(name, step.Slot.Step, step.Cumulative(), duration)).ToArray();
            scenarios.Add(new ScenarioStats(name, totals, steps, runtime.DroppedCount, runtime.LateCount, series.MaxActiveCopies,
                runtime.Scenario.WarmUpDuration, duration, [.. runtime.Scenario.LoadSimulations.Select(simulation => simulation.Describe())]));
            allDropped += runtime.DroppedCount;
            if (runtime.MeasuredStart is { } start)
            {
                firstStart = Math.Min(firstStart, start);
                lastEnd = Math.Max(lastEnd, runtime.MeasuredEnd ?? now);
            }
        }
        var allDuration = firstStart <= lastEnd ? _time.GetElapsedTime(firstStart, lastEnd) : TimeSpan.Zero;
        return (scenarios, CallStats.From(NameRules.AllScope, null, _allScratch, allDuration), allDropped);
    }

    /// <summary>What the console shows: the open interval's rate and p99 and the totals so far.</summary>
    public ProgressSnapshot Progress(long now, TimeSpan? planned, string? abortReason)
    {
        var sinceIntervalStart = _time.GetElapsedTime(_intervalStart, now).TotalSeconds;
        var scenarios = _series.Select(series =>
        {
            var runtime = series.Runtime;
            var interval = series.Totals.Interval;
            var cumulative = series.Totals.Cumulative();
            return new ScenarioProgress(
                runtime.Scenario.Name,
                WarmingUp: runtime.MeasuredStart is null,
                Finished: runtime.MeasuredEnd is not null,
                series.TickPeakCopies,
                CurrentRps: sinceIntervalStart > 0 ? interval.Count / sinceIntervalStart : 0,
                CurrentP99Ms: interval.Ok.Count > 0 ? interval.Ok.ToStats().P99Ms : double.NaN,
                cumulative.Ok.Count,
                cumulative.Fail.Count,
                runtime.DroppedCount,
                cumulative.Outcomes.ToList(),
                Draining: runtime.MeasuredEnd is null ? 0 : runtime.ActiveCopies);
        }).ToArray();
        return new ProgressSnapshot(_time.GetElapsedTime(_runStart, now), planned, scenarios, abortReason);
    }
}

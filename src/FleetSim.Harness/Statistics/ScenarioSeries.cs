namespace FleetSim.Harness;

/// <summary>The collector's view of one scenario: its iterations' series, its steps' series and its gauges.</summary>
internal sealed class ScenarioSeries(ScenarioRuntime runtime)
{
    private readonly List<SlotSeries> _steps = [];
    private long _droppedMark;
    private long _lateMark;

    public ScenarioRuntime Runtime { get; } = runtime;

    public SlotSeries Totals { get; } = new(runtime.Totals);

    public IReadOnlyList<SlotSeries> Steps => _steps;

    public int MaxActiveCopies { get; private set; }

    public void Drain()
    {
        Totals.Drain();
        var slots = Runtime.StepSlots;
        for (int i = _steps.Count; i < slots.Count; i++)
            _steps.Add(new SlotSeries(slots[i]));
        foreach (var step in _steps)
            step.Drain();
        TickPeakCopies = Runtime.TakePeakActiveCopies();
        IntervalPeakCopies = Math.Max(IntervalPeakCopies, TickPeakCopies);
        MaxActiveCopies = Math.Max(MaxActiveCopies, TickPeakCopies);
    }

    /// <summary>The most copies busy at once during the last tick.</summary>
    public int TickPeakCopies { get; private set; }

    /// <summary>The most copies busy at once during the open interval.</summary>
    public int IntervalPeakCopies { get; private set; }

    /// <summary>Reads the interval's peak and starts the next interval's from the copies busy now.</summary>
    public int TakeIntervalPeakCopies()
    {
        int peak = IntervalPeakCopies;
        IntervalPeakCopies = Runtime.ActiveCopies;
        return peak;
    }

    /// <summary>Dropped and late iterations since the last call.</summary>
    public (long Dropped, long Late) TakeCounterDeltas()
    {
        long dropped = Runtime.DroppedCount, late = Runtime.LateCount;
        var deltas = (dropped - _droppedMark, late - _lateMark);
        (_droppedMark, _lateMark) = (dropped, late);
        return deltas;
    }

    /// <summary>Whether the scenario measured anything in the span ending at <paramref name="now"/>.</summary>
    public bool MeasuredWithin(long intervalStart, long now) =>
        Runtime.MeasuredStart is { } start && start < now
        && (Runtime.MeasuredEnd is not { } end || end > intervalStart || Totals.Interval.Count > 0);

    /// <summary>The measured span up to <paramref name="now"/>, warm-up excluded.</summary>
    public TimeSpan MeasuredDuration(long now) => Runtime.MeasuredStart is { } start
        ? Runtime.Time.GetElapsedTime(start, Runtime.MeasuredEnd ?? now)
        : TimeSpan.Zero;
}

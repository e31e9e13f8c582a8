namespace FleetSim.Harness;

/// <summary>The collector's side of a slot: what the current interval holds, and what came before.</summary>
internal sealed class SlotSeries(StatsSlot slot)
{
    private readonly IntervalBuffer _scratch = new();

    public StatsSlot Slot { get; } = slot;

    public IntervalBuffer Interval { get; } = new();

    public IntervalBuffer Total { get; } = new();

    public void Drain() => Slot.DrainInto(Interval);

    /// <summary>Everything so far, the open interval included (a buffer reused between calls).</summary>
    public IntervalBuffer Cumulative()
    {
        _scratch.Reset();
        _scratch.Add(Total);
        _scratch.Add(Interval);
        return _scratch;
    }

    /// <summary>Moves the interval into the total and reads both; the interval starts empty again.</summary>
    public (LatencyStats Interval, IReadOnlyList<OutcomeCount> Outcomes, long Ok, long Fail) CloseInterval()
    {
        var latency = Interval.Ok.ToStats();
        var outcomes = Interval.Outcomes.ToList();
        long ok = Interval.Ok.Count, fail = Interval.Fail.Count;
        Total.Add(Interval);
        Interval.Reset();
        return (latency, outcomes, ok, fail);
    }
}

namespace FleetSim.Harness;

/// <summary>
/// One stripe of a slot: an active buffer that recorders write under a lock, and a spare that the
/// collector swaps in at each tick and reads without holding the lock (double buffering).
/// </summary>
internal sealed class StatsStripe
{
    private readonly Lock _gate = new();
    private IntervalBuffer? _active;
    private IntervalBuffer? _spare;

    public void Record(long microseconds, in Response response)
    {
        lock (_gate)
        {
            // Created on first use: a stripe no thread maps to costs nothing.
            (_active ??= new IntervalBuffer()).Record(microseconds, response);
        }
    }

    /// <summary>
    /// Adds what was recorded since the last drain to <paramref name="target"/>. Only the collector
    /// calls this, one call at a time: after the swap, the old buffer is the collector's alone.
    /// </summary>
    public void DrainInto(IntervalBuffer target)
    {
        IntervalBuffer? recorded;
        lock (_gate)
        {
            recorded = _active;
            if (recorded is null || recorded.Count == 0)
                return;
            _active = _spare ?? new IntervalBuffer();
            _spare = null;
        }
        target.Add(recorded);
        recorded.Reset();
        lock (_gate)
            _spare = recorded;
    }
}

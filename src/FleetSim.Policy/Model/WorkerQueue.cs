namespace FleetSim.Policy.Model;

/// <summary>
/// c workers in simulated time, each with the time it is next free. Requests are served in the
/// order this queue receives them: one arriving at t starts when the earliest worker is free (not
/// before t) and holds it for its service time. Nothing waits in real time: this is bookkeeping.
/// </summary>
public sealed class WorkerQueue
{
    private readonly double[] _nextFree;
    private double _frontierMs = double.NegativeInfinity;

    public WorkerQueue(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _nextFree = new double[workers];
    }

    public int Workers => _nextFree.Length;

    /// <summary>Service held by requests served so far, for utilisation.</summary>
    public double BusyMs { get; private set; }

    public long Served { get; private set; }

    /// <summary>Requests whose client left before a worker was free.</summary>
    public long Abandoned { get; private set; }

    /// <summary>Serves a request and returns how long it waited for a worker.</summary>
    public double Serve(double arrivalMs, double serviceMs) =>
        TryServe(arrivalMs, serviceMs, double.PositiveInfinity, out var wait) ? wait : throw new InvalidOperationException("unreachable");

    /// <summary>
    /// Serves a request unless its client gives up first: when no worker is free by
    /// <paramref name="abandonAtMs"/>, the request takes no worker and false comes back.
    /// </summary>
    public bool TryServe(double arrivalMs, double serviceMs, double abandonAtMs, out double waitMs)
    {
        _frontierMs = Math.Max(_frontierMs, arrivalMs);
        return Book(arrivalMs, serviceMs, abandonAtMs, out waitMs);
    }

    /// <summary>
    /// Serves a request that reaches this queue ahead of the requests modelled around it: a
    /// statement, sent in the engine as soon as its session's login returned, while in simulated
    /// time that login took its modelled latency. The requests that will arrive before it in
    /// simulated time have not been received yet, so it queues as if it arrived with the latest
    /// request received (the frontier): it waits what the backlog is there, rather than finding
    /// the future empty and taking a worker ahead of them. A request behind the frontier is served
    /// as any other.
    /// </summary>
    public bool TryServeAhead(double arrivalMs, double serviceMs, double abandonAtMs, out double waitMs)
    {
        if (arrivalMs <= _frontierMs || double.IsNegativeInfinity(_frontierMs))
            return TryServe(arrivalMs, serviceMs, abandonAtMs, out waitMs);
        var early = arrivalMs - _frontierMs;
        return Book(_frontierMs, serviceMs, abandonAtMs - early, out waitMs);
    }

    /// <summary>The share of the workers' time spent serving over a span of simulated time.</summary>
    public double Utilisation(double spanMs) => spanMs <= 0 ? 0 : BusyMs / (spanMs * Workers);

    private bool Book(double arrivalMs, double serviceMs, double abandonAtMs, out double waitMs)
    {
        var earliest = 0;
        for (var i = 1; i < _nextFree.Length; i++)
        {
            if (_nextFree[i] < _nextFree[earliest])
                earliest = i;
        }
        var start = Math.Max(arrivalMs, _nextFree[earliest]);
        waitMs = start - arrivalMs;
        if (start > abandonAtMs)
        {
            Abandoned++;
            return false;
        }
        _nextFree[earliest] = start + serviceMs;
        BusyMs += serviceMs;
        Served++;
        return true;
    }
}

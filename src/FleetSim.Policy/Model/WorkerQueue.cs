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
    private double _frontierWaitMs;

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
        var latest = arrivalMs >= _frontierMs;
        _frontierMs = Math.Max(_frontierMs, arrivalMs);
        var served = Book(arrivalMs, serviceMs, abandonAtMs, out waitMs);
        if (latest)
            _frontierWaitMs = waitMs;
        return served;
    }

    /// <summary>
    /// Serves a request that reaches this queue ahead of the requests modelled around it: a
    /// statement, sent in the engine as soon as its session's login returned, while in simulated
    /// time that login took its modelled latency. The requests that arrive before it in simulated
    /// time have not been received yet, so it cannot be placed among them. It waits what the
    /// latest request received waited (the queue's current delay: the "last to enter service"
    /// estimate), and its work takes a worker at that request's place in the queue, so that later
    /// requests wait behind it, rather than finding the future empty and taking a worker ahead of
    /// them. A request behind the latest one received is served as any other.
    /// </summary>
    public bool TryServeAhead(double arrivalMs, double serviceMs, double abandonAtMs, out double waitMs)
    {
        if (arrivalMs <= _frontierMs || double.IsNegativeInfinity(_frontierMs))
            return TryServe(arrivalMs, serviceMs, abandonAtMs, out waitMs);
        waitMs = _frontierWaitMs;
        if (arrivalMs + waitMs > abandonAtMs)
        {
            Abandoned++;
            return false;
        }
        return Book(_frontierMs, serviceMs, double.PositiveInfinity, out _);
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

namespace FleetSim.Policy.Model;

/// <summary>
/// c workers in simulated time, each with when it is next free and the idle gaps before that. Requests are served in the
/// order this queue receives them: one arriving at t starts at the earliest time, not before t,
/// when a worker is free for its whole service time, and holds it. Requests given in order of
/// arrival are the classic c-server FIFO queue. A request received after later ones (the engine
/// delivered it late) still takes a worker that sat idle at its arrival, when its service fits
/// before that worker's next booking, as it would have in the service; it cannot move the
/// requests already answered. Nothing waits in real time: this is bookkeeping.
/// </summary>
public sealed class WorkerQueue
{
    /// <summary>
    /// How far behind the latest arrival idle gaps are kept: a request received later than that
    /// behind it finds the workers busy then. The engine delivers requests seconds late at worst.
    /// </summary>
    public const double HorizonMs = 30_000;

    // Per worker: when it is free for good (after its last booking), and the idle gaps before
    // that, in order. A queue given its requests in order of arrival keeps no gaps it could use
    // again, so a backlog costs nothing to search; only a request received late looks at gaps.
    private readonly double[] _nextFree;
    private readonly List<Span>[] _gaps;
    private double _frontierMs = double.NegativeInfinity;
    private double _frontierWaitMs;
    private double _prunedToMs = double.NegativeInfinity;

    private readonly record struct Span(double Start, double End);

    public WorkerQueue(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _nextFree = new double[workers];
        Array.Fill(_nextFree, double.NegativeInfinity);
        _gaps = new List<Span>[workers];
        for (var i = 0; i < workers; i++)
            _gaps[i] = [];
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
        Prune();
        var worker = 0;
        var start = double.PositiveInfinity;
        var gap = -1;
        for (var i = 0; i < _nextFree.Length; i++)
        {
            var (fits, inGap) = EarliestFit(i, arrivalMs, serviceMs);
            if (fits < start)
                (worker, start, gap) = (i, fits, inGap);
        }
        waitMs = start - arrivalMs;
        if (start > abandonAtMs)
        {
            Abandoned++;
            return false;
        }
        Take(worker, gap, start, start + serviceMs);
        BusyMs += serviceMs;
        Served++;
        return true;
    }

    /// <summary>The earliest start, not before <paramref name="arrivalMs"/>, with the worker free for the whole service; and the gap it is in (-1: after the last booking).</summary>
    private (double Start, int Gap) EarliestFit(int worker, double arrivalMs, double serviceMs)
    {
        var gaps = _gaps[worker];
        // The first gap still open at the arrival; the ones before it closed already.
        int low = 0, high = gaps.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (gaps[mid].End <= arrivalMs)
                low = mid + 1;
            else
                high = mid;
        }
        for (var i = low; i < gaps.Count; i++)
        {
            var start = Math.Max(arrivalMs, gaps[i].Start);
            // An idle gap of some width, not the seam between two bookings (where a very short
            // service, rounded away next to Unix milliseconds, would otherwise jump the queue).
            if (start < gaps[i].End && start + serviceMs <= gaps[i].End)
                return (start, i);
        }
        return (Math.Max(arrivalMs, _nextFree[worker]), -1);
    }

    private void Take(int worker, int gap, double start, double end)
    {
        var gaps = _gaps[worker];
        if (gap < 0)
        {
            // After the last booking: the worker sat idle from it (or from ever, before its first) to this start.
            if (start > _nextFree[worker])
                gaps.Add(new Span(_nextFree[worker], start));
            _nextFree[worker] = end;
            return;
        }
        var (before, after) = (new Span(gaps[gap].Start, start), new Span(end, gaps[gap].End));
        gaps.RemoveAt(gap);
        if (after.End > after.Start)
            gaps.Insert(gap, after);
        if (before.End > before.Start)
            gaps.Insert(gap, before);
    }

    // Gaps long past the latest arrival can no longer matter; dropping them keeps a long run's queue small.
    private void Prune()
    {
        var horizon = _frontierMs - HorizonMs;
        if (horizon - _prunedToMs < HorizonMs)
            return;
        foreach (var gaps in _gaps)
        {
            var ended = 0;
            while (ended < gaps.Count && gaps[ended].End < horizon)
                ended++;
            gaps.RemoveRange(0, ended);
        }
        _prunedToMs = horizon;
    }
}

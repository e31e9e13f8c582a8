namespace FleetSim.Policy.Model;

/// <summary>
/// c workers in simulated time, each with the spans it is booked for. Requests are served in the
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
    /// How far behind the latest arrival bookings are kept: a request received later than that
    /// behind it finds the workers free then. The engine delivers requests seconds late at worst.
    /// </summary>
    public const double HorizonMs = 30_000;

    private readonly List<Span>[] _booked;
    private double _frontierMs = double.NegativeInfinity;
    private double _frontierWaitMs;
    private double _prunedToMs = double.NegativeInfinity;

    private readonly record struct Span(double Start, double End);

    public WorkerQueue(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _booked = new List<Span>[workers];
        for (var i = 0; i < workers; i++)
            _booked[i] = [];
    }

    public int Workers => _booked.Length;

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
        var at = 0;
        for (var i = 0; i < _booked.Length; i++)
        {
            var (fits, index) = EarliestFit(_booked[i], arrivalMs, serviceMs);
            if (fits < start)
                (worker, start, at) = (i, fits, index);
        }
        waitMs = start - arrivalMs;
        if (start > abandonAtMs)
        {
            Abandoned++;
            return false;
        }
        _booked[worker].Insert(at, new Span(start, start + serviceMs));
        BusyMs += serviceMs;
        Served++;
        return true;
    }

    /// <summary>The earliest start, not before <paramref name="arrivalMs"/>, with the worker free for the whole service; and where that span goes in its bookings.</summary>
    private static (double Start, int Index) EarliestFit(List<Span> booked, double arrivalMs, double serviceMs)
    {
        // The first booking still running at the arrival; the ones before it ended already.
        int low = 0, high = booked.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (booked[mid].End <= arrivalMs)
                low = mid + 1;
            else
                high = mid;
        }
        var start = arrivalMs;
        for (var i = low; i < booked.Count; i++)
        {
            // An idle gap of some width, not the seam between two bookings (where a very short
            // service, rounded away next to Unix milliseconds, would otherwise jump the queue).
            if (start < booked[i].Start && start + serviceMs <= booked[i].Start)
                return (start, i);
            start = Math.Max(start, booked[i].End);
        }
        return (start, booked.Count);
    }

    // Bookings long past the latest arrival can no longer matter; dropping them keeps a long run's queue small.
    private void Prune()
    {
        var horizon = _frontierMs - HorizonMs;
        if (horizon - _prunedToMs < HorizonMs)
            return;
        foreach (var booked in _booked)
        {
            var ended = 0;
            while (ended < booked.Count && booked[ended].End < horizon)
                ended++;
            booked.RemoveRange(0, ended);
        }
        _prunedToMs = horizon;
    }
}

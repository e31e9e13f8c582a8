namespace FleetSim.Policy.Model;

/// <summary>
/// c workers in simulated time, each with the spans it is booked. A request arriving at t starts
/// at the earliest time at or after t that a worker is free for its whole service, and holds that
/// worker. Requests that arrive in order are thus served first come, first served, starting when
/// the earliest worker is free; one that reaches the queue after later arrivals were booked (the
/// engine delivered it late, or it is a statement whose session's login was modelled ahead of the
/// engine) fills an idle span before them rather than waiting behind them, so that what the engine
/// happens to interleave changes the figures as little as possible. Nothing waits in real time:
/// this is bookkeeping.
/// </summary>
public sealed class WorkerQueue
{
    /// <summary>Spans that ended this long before the latest arrival are forgotten: a request that late finds them free.</summary>
    public const double HorizonMs = 60_000;

    private readonly List<(double Start, double End)>[] _booked;
    private double _latestArrivalMs = double.NegativeInfinity;

    public WorkerQueue(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _booked = new List<(double, double)>[workers];
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
        _latestArrivalMs = Math.Max(_latestArrivalMs, arrivalMs);
        var (worker, start, index, freeSince) = (0, double.PositiveInfinity, 0, double.NegativeInfinity);
        for (var w = 0; w < _booked.Length; w++)
        {
            var (s, i, since) = EarliestFit(_booked[w], arrivalMs, serviceMs);
            // Among workers free as early, the one idle for the shortest span, so that longer idle spans stay for late arrivals.
            if (s < start || (s == start && since > freeSince))
                (worker, start, index, freeSince) = (w, s, i, since);
        }
        waitMs = start - arrivalMs;
        if (start > abandonAtMs)
        {
            Abandoned++;
            return false;
        }
        _booked[worker].Insert(index, (start, start + serviceMs));
        Forget(_booked[worker]);
        BusyMs += serviceMs;
        Served++;
        return true;
    }

    /// <summary>The share of the workers' time spent serving over a span of simulated time.</summary>
    public double Utilisation(double spanMs) => spanMs <= 0 ? 0 : BusyMs / (spanMs * Workers);

    /// <returns>The earliest start on this worker, where its span goes in the list, and when the worker was last busy before it.</returns>
    private static (double Start, int Index, double FreeSince) EarliestFit(List<(double Start, double End)> booked, double arrivalMs, double serviceMs)
    {
        var i = FirstEndingAfter(booked, arrivalMs);
        var start = arrivalMs;
        var freeSince = i > 0 ? booked[i - 1].End : double.NegativeInfinity;
        for (; i < booked.Count; i++)
        {
            // Strictly before: a request never jumps one booked to start at the same instant, even a request of no work.
            if (start < booked[i].Start && start + serviceMs <= booked[i].Start)
                break;
            start = Math.Max(start, booked[i].End);
            freeSince = booked[i].End;
        }
        return (start, i, freeSince);
    }

    /// <summary>The first span that ends after <paramref name="ms"/> (spans never overlap, so ends are sorted too).</summary>
    private static int FirstEndingAfter(List<(double Start, double End)> booked, double ms)
    {
        var (low, high) = (0, booked.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (booked[middle].End <= ms)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private void Forget(List<(double Start, double End)> booked)
    {
        // In batches of at least half the list, so that forgetting costs nothing per request.
        var old = FirstEndingAfter(booked, _latestArrivalMs - HorizonMs);
        if (old >= Math.Max(256, booked.Count / 2))
            booked.RemoveRange(0, old);
    }
}

using HdrHistogram;

namespace FleetSim.Harness;

/// <summary>
/// Latencies of one kind (ok or fail) in microseconds: an HdrHistogram for lossless, mergeable
/// percentiles, plus an exact count, sum, min and max (the histogram's are bucket-rounded).
/// Not thread-safe: one writer at a time (a stripe's lock, or the collector).
/// </summary>
internal sealed class LatencyTally
{
    /// <summary>One hour: a longer latency is recorded as one hour, so recording never throws.</summary>
    public const long HighestTrackableMicroseconds = 3_600_000_000;

    private LongHistogram? _histogram;

    public long Count { get; private set; }

    public long SumMicroseconds { get; private set; }

    public long MinMicroseconds { get; private set; } = long.MaxValue;

    public long MaxMicroseconds { get; private set; }

    public void Record(long microseconds)
    {
        if (microseconds < 0)
            microseconds = 0;
        else if (microseconds > HighestTrackableMicroseconds)
            microseconds = HighestTrackableMicroseconds;
        // Created on first use: a slot with no failures never pays for a fail histogram.
        (_histogram ??= NewHistogram()).RecordValue(microseconds);
        Count++;
        SumMicroseconds += microseconds;
        if (microseconds < MinMicroseconds)
            MinMicroseconds = microseconds;
        if (microseconds > MaxMicroseconds)
            MaxMicroseconds = microseconds;
    }

    public void Add(LatencyTally other)
    {
        if (other.Count == 0)
            return;
        (_histogram ??= NewHistogram()).Add(other._histogram!);
        Count += other.Count;
        SumMicroseconds += other.SumMicroseconds;
        MinMicroseconds = Math.Min(MinMicroseconds, other.MinMicroseconds);
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    public void Reset()
    {
        if (Count == 0)
            return;
        _histogram?.Reset();
        Count = 0;
        SumMicroseconds = 0;
        MinMicroseconds = long.MaxValue;
        MaxMicroseconds = 0;
    }

    public LatencyStats ToStats()
    {
        if (Count == 0 || _histogram is null)
            return LatencyStats.Empty;
        var histogram = _histogram;
        double min = MinMicroseconds, max = MaxMicroseconds;
        // The histogram answers with a bucket's highest equivalent value; keep percentiles within the exact range.
        double At(double percentile) => Math.Clamp(histogram.GetValueAtPercentile(percentile), min, max) / 1000d;
        return new LatencyStats(
            Count,
            MinMs: min / 1000d,
            MeanMs: (double)SumMicroseconds / Count / 1000d,
            MaxMs: max / 1000d,
            StdDevMs: histogram.GetStdDeviation() / 1000d,
            P50Ms: At(50),
            P75Ms: At(75),
            P95Ms: At(95),
            P99Ms: At(99),
            P999Ms: At(99.9));
    }

    private static LongHistogram NewHistogram() => new(1, HighestTrackableMicroseconds, 3);
}

namespace FleetSim.Harness;

/// <summary>
/// The intended start times of an open-model phase, as offsets from the phase's start: a pure
/// function of the phase (and the seed, for InjectRandom). The dispatcher follows it by the clock;
/// latency is measured from these times, never from when an iteration actually began.
/// </summary>
/// <remarks>
/// Starts are spread evenly inside each interval (k6's constant-arrival-rate, wrk2's pacing) rather
/// than fired as one burst at the interval's start, which would measure the burst, not the rate.
/// With a rate moving linearly from r0 to r1 over D, the number of starts by time t is
/// N(t) = (r0·t + (r1 − r0)·t²/(2D)) / interval, and start n is at the t where N(t) = n.
/// </remarks>
internal static class InjectSchedule
{
    /// <summary>The start offsets of <paramref name="phase"/>, in order, each before the phase's end.</summary>
    public static IEnumerable<TimeSpan> StartTimes(OpenPhase phase, int seed) =>
        phase.RandomRates is { } random ? RandomStartTimes(phase, random.Min, random.Max, seed) : LinearStartTimes(phase);

    private static IEnumerable<TimeSpan> LinearStartTimes(OpenPhase phase)
    {
        double interval = phase.Interval.TotalSeconds;
        double b = phase.FromRate / interval;
        double a = phase.During is { } during ? (phase.ToRate - phase.FromRate) / (2 * during.TotalSeconds * interval) : 0;
        for (long n = 0; phase.Iterations is not { } limit || n < limit; n++)
        {
            double t;
            if (n == 0)
            {
                t = 0;
                if (b == 0 && a <= 0)
                    yield break; // a rate of zero that does not grow starts nothing
            }
            else
            {
                double discriminant = (b * b) + (4 * a * n);
                if (discriminant < 0)
                    yield break; // a ramp down has run out of starts
                // 2n / (b + sqrt(b² + 4an)) is the root of a·t² + b·t = n that stays exact when a is 0.
                double denominator = b + Math.Sqrt(discriminant);
                if (denominator <= 0)
                    yield break;
                t = 2 * n / denominator;
            }
            var offset = FromSeconds(t);
            if (phase.During is { } end && offset >= end)
                yield break;
            yield return offset;
        }
    }

    private static IEnumerable<TimeSpan> RandomStartTimes(OpenPhase phase, int minRate, int maxRate, int seed)
    {
        var random = new Random(seed);
        var end = phase.During ?? TimeSpan.MaxValue;
        for (long k = 0; ; k++)
        {
            var intervalStart = phase.Interval * k;
            if (intervalStart >= end)
                yield break;
            int rate = random.Next(minRate, maxRate + 1);
            for (int j = 0; j < rate; j++)
            {
                var offset = intervalStart + FromSeconds(phase.Interval.TotalSeconds * j / rate);
                if (offset >= end)
                    yield break;
                yield return offset;
            }
        }
    }

    // Rounded to whole ticks so that a start landing exactly on the phase's end is excluded despite float error.
    private static TimeSpan FromSeconds(double seconds) => new((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}

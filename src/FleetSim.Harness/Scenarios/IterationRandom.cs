namespace FleetSim.Harness;

/// <summary>
/// The open model's random source: reseeded at each iteration from the scenario's seed and the
/// iteration's number in the schedule, so that an iteration draws the same keys whichever worker
/// runs it and in whatever order the workers take the queue. SplitMix64, reseeded without
/// allocating; not thread-safe, as a worker runs one iteration at a time.
/// </summary>
internal sealed class IterationRandom : Random
{
    private ulong _state;

    public void Reseed(ulong seed) => _state = seed;

    public override int Next() => (int)Below(int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)Below((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)Below((ulong)((long)maxValue - minValue)));
    }

    public override long NextInt64() => (long)Below(long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Below((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)Below((ulong)(maxValue - minValue));
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)(NextUInt64() >> 56);
    }

    protected override double Sample() => NextDouble();

    // Lemire's multiply-shift: an unbiased enough draw below a bound for keys and weights.
    private ulong Below(ulong bound) => bound == 0 ? 0 : (ulong)((UInt128)NextUInt64() * bound >> 64);

    private ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

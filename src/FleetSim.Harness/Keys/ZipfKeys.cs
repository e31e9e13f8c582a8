namespace FleetSim.Harness;

/// <summary>
/// Keys 0 to <see cref="Count"/> − 1 drawn with Zipf's law: key k (rank k + 1) has probability
/// proportional to 1 / (k + 1)^s. A few hot servers and a long tail, as real fleets see. Exponent 0
/// is uniform; around 1 is typical. Immutable and thread-safe; the random source is the caller's.
/// </summary>
public sealed class ZipfKeys
{
    private readonly double[] _cumulative;

    /// <summary>Creates the chooser over <paramref name="count"/> keys with exponent <paramref name="exponent"/> (s ≥ 0).</summary>
    public ZipfKeys(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!double.IsFinite(exponent) || exponent < 0)
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The Zipf exponent must be finite and not negative.");
        Count = count;
        Exponent = exponent;
        // The CDF, computed once: a draw is then one binary search (log2 N steps), no powers.
        _cumulative = new double[count];
        double total = 0;
        for (int k = 0; k < count; k++)
        {
            total += 1 / Math.Pow(k + 1, exponent);
            _cumulative[k] = total;
        }
        for (int k = 0; k < count; k++)
            _cumulative[k] /= total;
        _cumulative[^1] = 1;
    }

    /// <summary>How many keys.</summary>
    public int Count { get; }

    /// <summary>The exponent s.</summary>
    public double Exponent { get; }

    /// <summary>The chance of key <paramref name="key"/>.</summary>
    public double Probability(int key) => _cumulative[key] - (key == 0 ? 0 : _cumulative[key - 1]);

    /// <summary>Draws a key; 0 is the most frequent.</summary>
    public int Next(Random random)
    {
        double point = random.NextDouble();
        int index = Array.BinarySearch(_cumulative, point);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, Count - 1);
    }
}

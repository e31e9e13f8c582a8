namespace FleetSim.Harness;

/// <summary>
/// Picks items in proportion to their weights (a multinomial draw): e.g. 80% connects, 15% queries,
/// 5% firewall changes. Immutable and thread-safe; the random source is the caller's.
/// </summary>
/// <typeparam name="T">The items' type.</typeparam>
public sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    /// <summary>Creates the chooser; weights must be finite, not negative, and not all zero.</summary>
    public WeightedChoice(IEnumerable<(T Item, double Weight)> weighted)
    {
        ArgumentNullException.ThrowIfNull(weighted);
        var pairs = weighted.ToArray();
        if (pairs.Length == 0)
            throw new ArgumentException("Give at least one item.", nameof(weighted));
        _items = new T[pairs.Length];
        _cumulative = new double[pairs.Length];
        double total = 0;
        for (int i = 0; i < pairs.Length; i++)
        {
            var weight = pairs[i].Weight;
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"The weight of item {i} ({pairs[i].Item}) is {weight}; weights must be finite and not negative.", nameof(weighted));
            total += weight;
            _items[i] = pairs[i].Item;
            _cumulative[i] = total;
        }
        if (total <= 0)
            throw new ArgumentException("The weights add up to 0: nothing could be chosen.", nameof(weighted));
        Total = total;
    }

    /// <summary>The items, in the order given.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>The weights' sum.</summary>
    public double Total { get; }

    /// <summary>The chance of the item at <paramref name="index"/>.</summary>
    public double Probability(int index) => (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / Total;

    /// <summary>Draws an item.</summary>
    public T Next(Random random) => _items[NextIndex(random)];

    /// <summary>Draws an item's index.</summary>
    public int NextIndex(Random random)
    {
        double point = random.NextDouble() * Total;
        // The first cumulative weight above the point; zero-weight items share their neighbour's bound and are never above it.
        int index = Array.BinarySearch(_cumulative, point);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _items.Length - 1);
    }
}

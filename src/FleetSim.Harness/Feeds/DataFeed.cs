namespace FleetSim.Harness;

/// <summary>
/// Hands each iteration an item of test data (accounts, server names), NBomber's data feeds:
/// circular (in turn, shared by all copies), random (with the copy's seeded random source) or
/// constant (the same item for the same copy). Thread-safe.
/// </summary>
/// <typeparam name="T">The items' type.</typeparam>
public abstract class DataFeed<T>
{
    private protected DataFeed(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = [.. items];
        if (Items.Count == 0)
            throw new ArgumentException("A data feed needs at least one item.", nameof(items));
    }

    /// <summary>The items, in the order given.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The item for this iteration.</summary>
    public abstract T Next(ScenarioContext context);
}

/// <summary>Builds data feeds.</summary>
public static class DataFeed
{
    /// <summary>Items in turn, from the first again after the last, shared by every copy.</summary>
    public static DataFeed<T> Circular<T>(IEnumerable<T> items) => new CircularFeed<T>(items);

    /// <summary>A random item each time, drawn with the copy's seeded <see cref="ScenarioContext.Random"/>.</summary>
    public static DataFeed<T> Random<T>(IEnumerable<T> items) => new RandomFeed<T>(items);

    /// <summary>The same item for the same copy: copy n gets item n modulo the count.</summary>
    public static DataFeed<T> Constant<T>(IEnumerable<T> items) => new ConstantFeed<T>(items);

    private sealed class CircularFeed<T>(IEnumerable<T> items) : DataFeed<T>(items)
    {
        private long _next = -1;

        public override T Next(ScenarioContext context) =>
            Items[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)Items.Count)];
    }

    private sealed class RandomFeed<T>(IEnumerable<T> items) : DataFeed<T>(items)
    {
        public override T Next(ScenarioContext context) => Items[context.Random.Next(Items.Count)];
    }

    private sealed class ConstantFeed<T>(IEnumerable<T> items) : DataFeed<T>(items)
    {
        public override T Next(ScenarioContext context) => Items[context.CopyNumber % Items.Count];
    }
}

namespace FleetSim.Harness;

/// <summary>Keys 0 to <see cref="Count"/> − 1, each as likely as any other.</summary>
public sealed class UniformKeys
{
    /// <summary>Creates the chooser over <paramref name="count"/> keys.</summary>
    public UniformKeys(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
    }

    /// <summary>How many keys.</summary>
    public int Count { get; }

    /// <summary>Draws a key with <paramref name="random"/> (e.g. <see cref="ScenarioContext.Random"/>, seeded for reproducible runs).</summary>
    public int Next(Random random) => random.Next(Count);
}

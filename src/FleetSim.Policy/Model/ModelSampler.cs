namespace FleetSim.Policy.Model;

/// <summary>
/// Uniform draws keyed by (seed, attempt or iteration id, stage, draw): a counter-based hash
/// (SplitMix64's finaliser), not one stream consumed in arrival order, so that a connection's
/// samples do not depend on which others the machine happened to interleave before it.
/// </summary>
public sealed class ModelSampler(long seed)
{
    private readonly ulong _seed = Mix(unchecked((ulong)seed) ^ 0x6A09E667F3BCC909UL);

    /// <summary>A draw in (0, 1), open at both ends so that logarithms stay finite.</summary>
    public double Uniform(ulong key, ModelStage stage, int draw = 0)
    {
        var bits = Mix(_seed ^ Mix(key + 0x9E3779B97F4A7C15UL * (1 + ((ulong)stage << 16) + (ulong)(uint)draw)));
        return ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    public double Uniform(string key, ModelStage stage, int draw = 0) => Uniform(KeyOf(key), stage, draw);

    /// <summary>A sample of <paramref name="time"/> for this key and stage; slot tells apart several samples of one stage.</summary>
    public double Sample(ServiceTime time, ulong key, ModelStage stage, int slot = 0) =>
        time.Sample(Uniform(key, stage, 2 * slot), Uniform(key, stage, 2 * slot + 1));

    public double Sample(ServiceTime time, string key, ModelStage stage, int slot = 0) => Sample(time, KeyOf(key), stage, slot);

    /// <summary>FNV-1a of the id's characters: the same id gives the same key in every process.</summary>
    public static ulong KeyOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

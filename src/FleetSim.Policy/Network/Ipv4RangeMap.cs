namespace FleetSim.Policy.Network;

/// <summary>
/// Values attached to address ranges, looked up in O(log n) like <see cref="FirewallRuleSet"/>:
/// the address space is cut at every range boundary into disjoint segments, each labelled with
/// the value of the narrowest range covering it (the first listed among equals), so that a /24
/// described on its own refines the /8 around it.
/// </summary>
public sealed class Ipv4RangeMap<T> where T : class
{
    private readonly uint[] _segmentStarts;
    private readonly T?[] _segmentValues;

    public Ipv4RangeMap(IEnumerable<(Ipv4Range Range, T Value)> entries)
    {
        var list = entries.ToList();
        Count = list.Count;
        (_segmentStarts, _segmentValues) = Compile(list);
    }

    /// <summary>How many ranges the map was built from.</summary>
    public int Count { get; }

    /// <summary>The value of the narrowest range holding the address, or null.</summary>
    public T? Find(Ipv4 ip)
    {
        var index = Array.BinarySearch(_segmentStarts, ip.Value);
        if (index < 0)
            index = ~index - 1;
        return index < 0 ? null : _segmentValues[index];
    }

    private static (uint[] Starts, T?[] Values) Compile(List<(Ipv4Range Range, T Value)> entries)
    {
        if (entries.Count == 0)
            return ([], []);
        var starts = Boundaries(entries);
        var labels = new T?[starts.Length];

        // Narrowest first; OrderBy is stable, so among equal sizes the first listed paints first.
        // Painted segments are skipped through "next unpainted" links, so compiling stays near-linear.
        var next = new int[starts.Length + 1];
        for (var i = 0; i < next.Length; i++)
            next[i] = i;
        foreach (var (range, value) in entries.OrderBy(e => e.Range.Size))
        {
            var first = Array.BinarySearch(starts, range.Start.Value);
            var last = Array.BinarySearch(starts, range.End.Value);
            if (last < 0)
                last = ~last - 1;
            for (var segment = Unpainted(next, first); segment <= last; segment = Unpainted(next, segment + 1))
            {
                labels[segment] = value;
                next[segment] = segment + 1;
            }
        }

        var mergedStarts = new List<uint>(starts.Length);
        var mergedValues = new List<T?>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            if (i > 0 && ReferenceEquals(labels[i], mergedValues[^1]))
                continue;
            mergedStarts.Add(starts[i]);
            mergedValues.Add(labels[i]);
        }
        return (mergedStarts.ToArray(), mergedValues.ToArray());
    }

    /// <summary>Where segments start, ascending and distinct: 0 and every range's start and end + 1.</summary>
    private static uint[] Boundaries(List<(Ipv4Range Range, T Value)> entries)
    {
        // A sorted array rather than a tree: a fleet compiles a rule set per server as it provisions.
        var boundaries = new uint[entries.Count * 2 + 1];
        var count = 1;
        foreach (var (range, _) in entries)
        {
            boundaries[count++] = range.Start.Value;
            if (range.End.Value != uint.MaxValue)
                boundaries[count++] = range.End.Value + 1;
        }
        Array.Sort(boundaries, 0, count);
        var distinct = 1;
        for (var i = 1; i < count; i++)
        {
            if (boundaries[i] != boundaries[distinct - 1])
                boundaries[distinct++] = boundaries[i];
        }
        return boundaries[..distinct];
    }

    private static int Unpainted(int[] next, int segment)
    {
        var root = segment;
        while (next[root] != root)
            root = next[root];
        while (next[segment] != root)
        {
            var following = next[segment];
            next[segment] = root;
            segment = following;
        }
        return root;
    }
}

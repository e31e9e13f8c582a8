using FleetSim.Policy.Network;

namespace FleetSim.Policy.Insights;

/// <summary>
/// The narrowest way to keep admitting what was seen: at most K ranges that cover every observed
/// address with the least total size. Sorted, the addresses form one run; cutting it at the K-1
/// widest gaps between neighbours leaves K ranges, and no other cut drops more addresses.
/// </summary>
public static class CoveringRanges
{
    public static IReadOnlyList<Ipv4Range> Of(IEnumerable<Ipv4> addresses, int maxRanges)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanges, 1);
        var sorted = addresses.Select(a => a.Value).Distinct().Order().ToArray();
        if (sorted.Length == 0)
            return [];
        // Gaps by width, widest first; ties broken by position so the result never depends on input order.
        var cuts = Enumerable.Range(1, sorted.Length - 1)
            .OrderByDescending(i => sorted[i] - sorted[i - 1]).ThenBy(i => i)
            .Take(maxRanges - 1)
            .Where(i => sorted[i] - sorted[i - 1] > 1)
            .Order()
            .ToList();
        var ranges = new List<Ipv4Range>(cuts.Count + 1);
        var start = 0;
        foreach (var cut in cuts.Append(sorted.Length))
        {
            ranges.Add(new Ipv4Range(new Ipv4(sorted[start]), new Ipv4(sorted[cut - 1])));
            start = cut;
        }
        return ranges;
    }
}

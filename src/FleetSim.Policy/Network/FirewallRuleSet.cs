namespace FleetSim.Policy.Network;

/// <summary>
/// A server's firewall rules compiled for lookups in O(log n): the address space is cut at every
/// rule boundary into disjoint segments, each labelled with the most specific rule covering it, and
/// an address is matched by binary search over the segment starts. It answers exactly what
/// <see cref="LinearFirewallScan"/> answers.
/// </summary>
public sealed class FirewallRuleSet
{
    public static readonly FirewallRuleSet Empty = new([]);

    private readonly uint[] _segmentStarts;
    private readonly FirewallRule?[] _segmentRules;
    private readonly FirewallRule? _azureServicesRule;

    public FirewallRuleSet(IReadOnlyList<FirewallRule> rules)
    {
        Rules = rules;
        (_segmentStarts, _segmentRules) = Compile(rules);
        _azureServicesRule = MatchCompiled(Ipv4.AzureServices);
    }

    public IReadOnlyList<FirewallRule> Rules { get; }

    /// <summary>The most specific rule whose range holds the address, or null: default deny.</summary>
    public FirewallRule? Match(Ipv4 ip) => MatchCompiled(ip);

    /// <summary>
    /// Azure-internal traffic is also presented as 0.0.0.0 [FleetSim rule], so a rule that contains
    /// 0.0.0.0 admits it as well as a rule that contains its own public address.
    /// </summary>
    public FirewallRule? MatchAzure(Ipv4 ip)
    {
        var own = MatchCompiled(ip);
        if (own is null || _azureServicesRule is null)
            return own ?? _azureServicesRule;
        return FirewallRule.CompareSpecificity(own, _azureServicesRule) <= 0 ? own : _azureServicesRule;
    }

    private FirewallRule? MatchCompiled(Ipv4 ip)
    {
        var index = Array.BinarySearch(_segmentStarts, ip.Value);
        if (index < 0)
            index = ~index - 1;
        return index < 0 ? null : _segmentRules[index];
    }

    private static (uint[] Starts, FirewallRule?[] Rules) Compile(IReadOnlyList<FirewallRule> rules)
    {
        if (rules.Count == 0)
            return ([], []);

        var boundaries = new SortedSet<uint> { 0 };
        foreach (var rule in rules)
        {
            boundaries.Add(rule.Range.Start.Value);
            if (rule.Range.End.Value != uint.MaxValue)
                boundaries.Add(rule.Range.End.Value + 1);
        }
        var starts = boundaries.ToArray();
        var labels = new FirewallRule?[starts.Length];

        // Paint segments with rules from the most specific down; each segment is painted once,
        // and "next unpainted segment" links skip painted runs so compiling stays near-linear.
        var nextUnpainted = new int[starts.Length + 1];
        for (var i = 0; i < nextUnpainted.Length; i++)
            nextUnpainted[i] = i;
        foreach (var rule in rules.Order(Comparer<FirewallRule>.Create(FirewallRule.CompareSpecificity)))
        {
            var first = Array.BinarySearch(starts, rule.Range.Start.Value);
            var last = Array.BinarySearch(starts, rule.Range.End.Value);
            if (last < 0)
                last = ~last - 1;
            for (var segment = FindUnpainted(nextUnpainted, first); segment <= last; segment = FindUnpainted(nextUnpainted, segment + 1))
            {
                labels[segment] = rule;
                nextUnpainted[segment] = segment + 1;
            }
        }

        // Merge neighbours with the same label: fewer segments, shorter searches.
        var mergedStarts = new List<uint>(starts.Length);
        var mergedRules = new List<FirewallRule?>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            if (i > 0 && ReferenceEquals(labels[i], mergedRules[^1]))
                continue;
            mergedStarts.Add(starts[i]);
            mergedRules.Add(labels[i]);
        }
        return (mergedStarts.ToArray(), mergedRules.ToArray());
    }

    private static int FindUnpainted(int[] next, int segment)
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

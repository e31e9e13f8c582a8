namespace FleetSim.Policy.Network;

/// <summary>
/// A server's firewall rules compiled for lookups in O(log n): an <see cref="Ipv4RangeMap{T}"/>
/// cuts the address space at every rule boundary into disjoint segments, each labelled with the
/// most specific rule covering it, and an address is matched by binary search over the segment
/// starts. It answers exactly what <see cref="LinearFirewallScan"/> answers.
/// </summary>
public sealed class FirewallRuleSet
{
    public static readonly FirewallRuleSet Empty = new([]);

    private readonly Ipv4RangeMap<FirewallRule> _segments;
    private readonly FirewallRule? _azureServicesRule;

    public FirewallRuleSet(IReadOnlyList<FirewallRule> rules)
    {
        Rules = rules;
        // The map keeps the first of equally narrow ranges: ordering by specificity first makes
        // that the one whose name sorts first, as decisions report it.
        _segments = new Ipv4RangeMap<FirewallRule>(rules
            .Order(Comparer<FirewallRule>.Create(FirewallRule.CompareSpecificity))
            .Select(rule => (rule.Range, rule)));
        _azureServicesRule = _segments.Find(Ipv4.AzureServices);
    }

    public IReadOnlyList<FirewallRule> Rules { get; }

    /// <summary>The most specific rule whose range holds the address, or null: default deny.</summary>
    public FirewallRule? Match(Ipv4 ip) => _segments.Find(ip);

    /// <summary>
    /// Azure-internal traffic is also presented as 0.0.0.0 [FleetSim rule], so a rule that contains
    /// 0.0.0.0 admits it as well as a rule that contains its own public address.
    /// </summary>
    public FirewallRule? MatchAzure(Ipv4 ip)
    {
        var own = _segments.Find(ip);
        if (own is null || _azureServicesRule is null)
            return own ?? _azureServicesRule;
        return FirewallRule.CompareSpecificity(own, _azureServicesRule) <= 0 ? own : _azureServicesRule;
    }
}

namespace FleetSim.Policy.Network;

/// <summary>
/// The obvious matcher: look at every rule. It is the specification the compiled
/// <see cref="FirewallRuleSet"/> is tested against, and the baseline its benchmark is measured against.
/// </summary>
public static class LinearFirewallScan
{
    public static FirewallRule? Match(IReadOnlyList<FirewallRule> rules, Ipv4 ip)
    {
        FirewallRule? best = null;
        foreach (var rule in rules)
        {
            if (rule.Range.Contains(ip) && (best is null || FirewallRule.CompareSpecificity(rule, best) < 0))
                best = rule;
        }
        return best;
    }
}

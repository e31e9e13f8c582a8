using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// Firewall and VNet rule changes take the fleet's ruleChangeDelay to apply, as they take up to
/// five minutes in the real service: until then the server keeps judging by the rules it had. The
/// delay runs from when the change was made, on the server's clock; an attempt's own time never
/// moves it. A further change while one is pending restarts the wait for the newest rules.
/// </summary>
public sealed class PendingRuleChanges
{
    /// <summary>The rules still in force while a change waits; empty when none does.</summary>
    public IReadOnlyList<FirewallRuleSpec> FirewallRulesInForce { get; private set; } = [];

    public IReadOnlyList<VirtualNetworkRuleSpec> VirtualNetworkRulesInForce { get; private set; } = [];

    /// <summary>When the waiting rules take effect; null when no change waits.</summary>
    public DateTimeOffset? TakesEffectAt { get; private set; }

    public static PendingRuleChanges Restore(IReadOnlyList<FirewallRuleSpec>? firewallRules, IReadOnlyList<VirtualNetworkRuleSpec>? virtualNetworkRules, DateTimeOffset? takesEffectAt) =>
        takesEffectAt is null ? new() : new()
        {
            FirewallRulesInForce = firewallRules ?? [],
            VirtualNetworkRulesInForce = virtualNetworkRules ?? [],
            TakesEffectAt = takesEffectAt,
        };

    /// <summary>
    /// The server's specification changes at <paramref name="now"/> from <paramref name="inForce"/>
    /// (what it judges by, see <see cref="Apply"/>; null for a new server) to <paramref name="next"/>.
    /// True when the new rules now wait; otherwise they apply at once.
    /// </summary>
    public bool Change(ServerSpec? inForce, ServerSpec next, TimeSpan delay, DateTimeOffset now)
    {
        if (inForce is null || delay <= TimeSpan.Zero || SameRules(inForce, next))
        {
            Clear();
            return false;
        }
        (FirewallRulesInForce, VirtualNetworkRulesInForce, TakesEffectAt) = ([.. inForce.FirewallRules], [.. inForce.VirtualNetworkRules], now + delay);
        return true;
    }

    /// <summary>The specification to judge by: the new one, with the old rules while a change waits.</summary>
    public ServerSpec Apply(ServerSpec target) => TakesEffectAt is null ? target : target with
    {
        FirewallRules = [.. FirewallRulesInForce],
        VirtualNetworkRules = [.. VirtualNetworkRulesInForce],
    };

    /// <summary>True when a waiting change is due at <paramref name="now"/>: from then on the new rules apply.</summary>
    public bool TakeEffect(DateTimeOffset now)
    {
        if (TakesEffectAt is not { } due || now < due)
            return false;
        Clear();
        return true;
    }

    private void Clear() => (FirewallRulesInForce, VirtualNetworkRulesInForce, TakesEffectAt) = ([], [], null);

    private static bool SameRules(ServerSpec before, ServerSpec after) =>
        before.FirewallRules.SequenceEqual(after.FirewallRules)
        && BySubnet(before).SequenceEqual(BySubnet(after));

    // Subnet ids are ARM ids, compared case-insensitively as the compiled rules are.
    private static IEnumerable<(string Subnet, string? Name)> BySubnet(ServerSpec spec) =>
        spec.VirtualNetworkRules
            .Select(r => (Subnet: r.VirtualNetworkSubnetId!.ToUpperInvariant(), r.Name))
            .OrderBy(r => r.Subnet, StringComparer.Ordinal);
}

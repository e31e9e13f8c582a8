using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Servers;

/// <summary>
/// What a server persists beyond its specification: the accounts and grants its administrator
/// changed at run time (password hashes only), what threat detection has learned, where its
/// connection ids had got to and which of them it killed (a late statement on one still gets 1927
/// after the server moves to another silo), its customer-managed key's revocation, and the firewall and VNet
/// rules still in force while a change waits out the fleet's ruleChangeDelay.
/// </summary>
[GenerateSerializer]
public sealed class ServerGrainState
{
    [Id(0)] public AccessControlState? Access { get; set; }
    [Id(1)] public long LastConnectionId { get; set; }
    [Id(2)] public ThreatDetectorState? Threats { get; set; }
    [Id(3)] public DateTimeOffset? KeyLostAt { get; set; }
    [Id(4)] public bool KeyInaccessible { get; set; }
    [Id(5)] public List<FirewallRuleSpec>? FirewallRulesInForce { get; set; }
    [Id(6)] public List<VirtualNetworkRuleSpec>? VirtualNetworkRulesInForce { get; set; }
    [Id(7)] public DateTimeOffset? RuleChangeTakesEffectAt { get; set; }
    [Id(8)] public List<long>? KilledConnectionIds { get; set; }

    public SessionTable Sessions() => new(LastConnectionId, KilledConnectionIds);

    public PendingRuleChanges PendingRules() => PendingRuleChanges.Restore(FirewallRulesInForce, VirtualNetworkRulesInForce, RuleChangeTakesEffectAt);

    public KeyRevocation Key() => KeyRevocation.Restore(KeyLostAt, KeyInaccessible);

    /// <summary>Takes what the server's components hold now, to be written.</summary>
    public void Record(AccessControl? access, SessionTable sessions, ThreatDetectorState? threats, KeyRevocation key, PendingRuleChanges rules)
    {
        (Access, LastConnectionId, Threats) = (access?.Export(), sessions.LastConnectionId, threats);
        KilledConnectionIds = sessions.Killed.Count > 0 ? [.. sessions.Killed] : null;
        (KeyLostAt, KeyInaccessible) = (key.LostAt, key.Inaccessible);
        var waiting = rules.TakesEffectAt is not null;
        FirewallRulesInForce = waiting ? [.. rules.FirewallRulesInForce] : null;
        VirtualNetworkRulesInForce = waiting ? [.. rules.VirtualNetworkRulesInForce] : null;
        RuleChangeTakesEffectAt = rules.TakesEffectAt;
    }
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server firewall-rule create|update`: a rule of that name (in any case) is replaced, else added.</summary>
public sealed record CreateOrUpdateFirewallRule(string Server, FirewallRuleSpec Rule) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
        s with { FirewallRules = NamedItems.Put(s.FirewallRules, r => r.Name, Rule, Rule.Name ?? "") });
}

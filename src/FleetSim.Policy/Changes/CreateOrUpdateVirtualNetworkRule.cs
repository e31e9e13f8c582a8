using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server vnet-rule create|update`: a rule of that name (in any case) is replaced, else added.</summary>
public sealed record CreateOrUpdateVirtualNetworkRule(string Server, VirtualNetworkRuleSpec Rule) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
        s with { VirtualNetworkRules = NamedItems.Put(s.VirtualNetworkRules, r => r.Name, Rule, Rule.Name ?? "") });
}

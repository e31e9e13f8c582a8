using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server firewall-rule delete`: refused when the server has no rule of that name.</summary>
public sealed record DeleteFirewallRule(string Server, string Name) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
        NamedItems.Without(s.FirewallRules, r => r.Name, Name) is { } rules
            ? s with { FirewallRules = rules }
            : Edit<ServerSpec>.Refuse($"server '{s.Name}' has no firewall rule '{Name}'"));
}

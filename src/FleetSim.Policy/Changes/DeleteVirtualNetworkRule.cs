using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server vnet-rule delete`: refused when the server has no rule of that name.</summary>
public sealed record DeleteVirtualNetworkRule(string Server, string Name) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
        NamedItems.Without(s.VirtualNetworkRules, r => r.Name, Name) is { } rules
            ? s with { VirtualNetworkRules = rules }
            : Edit<ServerSpec>.Refuse($"server '{s.Name}' has no virtual network rule '{Name}'"));
}

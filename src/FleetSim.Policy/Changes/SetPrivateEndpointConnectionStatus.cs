using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server private-endpoint-connection approve|reject`: only an existing connection changes status.</summary>
public sealed record SetPrivateEndpointConnectionStatus(string Server, string Name, PrivateEndpointStatus Status) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
    {
        var connection = s.PrivateEndpointConnections.Find(p => ResourceNames.Same(p.Name, Name));
        if (connection is null)
            return Edit<ServerSpec>.Refuse($"server '{s.Name}' has no private endpoint connection '{Name}'");
        var changed = connection with { Status = Status.ToString() };
        return s with { PrivateEndpointConnections = NamedItems.Put(s.PrivateEndpointConnections, p => p.Name, changed, Name) };
    });
}

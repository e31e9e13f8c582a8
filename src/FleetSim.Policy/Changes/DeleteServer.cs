using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server delete`: refused when there is no such server.</summary>
public sealed record DeleteServer(string Server) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return Exists(fleet, Server)
            ? new ChangeOutcome(fleet with { Servers = [.. fleet.Servers.Where(s => !ResourceNames.Same(s.Name, Server))] }, [])
            : ChangeOutcome.Refuse(fleet, NoSuchServer(Server));
    }
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server create`: a new server; refused when one of that name (in any case) exists.</summary>
public sealed record CreateServer(ServerSpec Spec) : ServerChange(Spec?.Name ?? "")
{
    public override ChangeOutcome Apply(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return Exists(fleet, Server)
            ? ChangeOutcome.Refuse(fleet, AlreadyExists(Server))
            : new ChangeOutcome(fleet with { Servers = [.. fleet.Servers, Spec] }, []);
    }
}

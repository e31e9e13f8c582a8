using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>
/// `server stop|start`. Inaccessible is not a state a user sets: a server becomes Inaccessible when
/// its customer-managed key is lost, and `server key revalidate` brings it back.
/// </summary>
public sealed record SetServerState(string Server, ServerState State) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => State == ServerState.Inaccessible
        ? ChangeOutcome.Refuse(fleet, $"a server cannot be made {State}: it becomes so when its customer-managed key is lost")
        : ChangeServer(fleet, Server, s => s with { State = State.ToString() });
}

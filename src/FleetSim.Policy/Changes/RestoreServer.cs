using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>
/// `server restore`: a new server from a backup of another, as the real service's point-in-time
/// restore makes it: same region, SKU, administrator login and password (its hash), users, grants,
/// server parameters and security settings as at that time, and Ready. Firewall rules, virtual
/// network rules and private endpoint connections are not carried over: they are set on the new
/// server. Refused when a server of the new name exists.
/// </summary>
/// <param name="Server">The new server's name.</param>
/// <param name="Backup">The source server's specification as the backup holds it.</param>
public sealed record RestoreServer(string Server, ServerSpec Backup) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        if (Exists(fleet, Server))
            return ChangeOutcome.Refuse(fleet, AlreadyExists(Server));
        return new ChangeOutcome(fleet with { Servers = [.. fleet.Servers, Restored] }, []);
    }

    /// <summary>The new server, as the restore creates it.</summary>
    public ServerSpec Restored => Backup with
    {
        Name = Server,
        State = nameof(ServerState.Ready),
        FirewallRules = [],
        VirtualNetworkRules = [],
        PrivateEndpointConnections = [],
    };
}

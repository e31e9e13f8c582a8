using FleetSim.Contracts.Backups;
using FleetSim.Policy;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// The first backup snapshot of each server created on demand. Such a server has not activated to
/// take it, and its snapshot is what the directory already holds: the specification it was
/// created with (unchanged since, or the snapshot would have been handed to the server's backups)
/// and the accounts that specification gives. The directory keeps only when, and hands the snapshot
/// to the server's backups before the server changes or goes.
/// </summary>
internal sealed class CreationSnapshots(Dictionary<string, DateTimeOffset> createdAt)
{
    public Dictionary<string, DateTimeOffset> CreatedAt => createdAt;

    public void Created(IEnumerable<ServerSpec> servers, DateTimeOffset at)
    {
        foreach (var server in servers)
            createdAt[server.Name!] = at;
    }

    /// <summary>The snapshot of <paramref name="server"/> (its specification as the directory holds it now), if the directory keeps it.</summary>
    public ServerSnapshot? Of(ServerSpec server) =>
        createdAt.TryGetValue(server.Name!, out var at) ? new ServerSnapshot(at, server, AccessControl.FromSpec(server).Export()) : null;

    /// <summary>Takes the snapshot out, to be handed to the server's backups.</summary>
    public ServerSnapshot? HandOver(ServerSpec server)
    {
        var snapshot = Of(server);
        createdAt.Remove(server.Name!);
        return snapshot;
    }

    public static Dictionary<string, DateTimeOffset> Empty() => new(ResourceNames.Comparer);
}

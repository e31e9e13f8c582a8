using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Backups;

/// <summary>
/// A server's backups, keyed by the server's name: snapshots of its configuration and accounts,
/// stored (encrypted) like every other state, from which `server restore` creates new servers.
/// </summary>
public interface IServerBackupGrain : IGrainWithStringKey
{
    /// <summary>Keeps a snapshot in the order they were taken; the oldest go past the retention count.</summary>
    Task Take(ServerSnapshot snapshot);

    /// <summary>The latest snapshot taken at or before the time (the latest of all without one).</summary>
    Task<ServerSnapshot?> Find(DateTimeOffset? pointInTime);

    Task<IReadOnlyList<DateTimeOffset>> List();
}

/// <summary>A server as it was at a moment: its specification and its accounts, with password hashes only.</summary>
[GenerateSerializer, Immutable]
public sealed record ServerSnapshot(DateTimeOffset TakenAt, ServerSpec Spec, AccessControlState? Access);

using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using Orleans.Concurrency;

namespace FleetSim.Contracts.Fleet;

/// <summary>
/// The fleet's directory (one per fleet, key "default"): provisions servers from a fleet
/// specification and publishes versioned snapshots of what DNS and gateways need to know.
/// Off the hot path: gateways and clients cache the snapshot and refresh only on a newer version.
/// </summary>
public interface IFleetDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates the whole document, then creates, updates and removes servers to match it. Passwords
    /// are kept as their hashes only; a document that gives the same passwords again changes nothing.
    /// </summary>
    /// <remarks>
    /// The document is not copied on the way in (a fleet of 100,000 servers took seconds to copy):
    /// neither the caller nor the directory changes a document once given; a change is a new one.
    /// </remarks>
    Task<ProvisionResult> Provision([Immutable] FleetSpec spec);

    /// <summary>
    /// Applies one management change to the fleet as it is now, in one turn, so that changes made at
    /// once all land: refused as the service refuses it, or validated as a document is, then only
    /// the servers it touches are provisioned.
    /// </summary>
    Task<ProvisionResult> Change(ServerCommand command);

    /// <summary>Creates a server from the source server's backup (see <see cref="Policy.Changes.RestoreServer"/>), with the accounts it held.</summary>
    Task<RestoreResult> Restore(RestoreServerCommand command);

    /// <summary>
    /// A server's latest backup snapshot taken at or before the time (the latest of all without
    /// one): its backups', or the first one the directory keeps for a server created on demand.
    /// </summary>
    Task<Backups.ServerSnapshot?> FindBackup(string server, DateTimeOffset? pointInTime);

    /// <summary>When each of a server's backup snapshots was taken, oldest first.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListBackups(string server);

    /// <summary>The current snapshot, or null when the caller already holds <paramref name="knownVersion"/>.</summary>
    [AlwaysInterleave]
    Task<DirectorySnapshot?> GetSnapshot(long knownVersion);

    /// <summary>The fleet document last provisioned, with password hashes in place of passwords.</summary>
    [AlwaysInterleave]
    Task<FleetSpec> GetFleet();

    /// <summary>A server's specification and fleet context, for a server grain that (re)activates.</summary>
    /// <remarks>Interleaves with Provision, whose calls activate the very servers that ask.</remarks>
    [AlwaysInterleave]
    Task<(ServerSpec? Spec, FleetContext? Context)> GetServer(string name);

    /// <summary>
    /// Pushes every buffered audit record to the store: servers send their outboxes, then every
    /// sink writes. Gateways flush on their own timer (200 ms) and when they deactivate.
    /// </summary>
    Task FlushAudit();
}

[GenerateSerializer, Immutable]
public sealed record DirectorySnapshot(
    long Version,
    IReadOnlyList<RegionSpec> Regions,
    IReadOnlyList<VirtualNetworkSpec> VirtualNetworks,
    IReadOnlyDictionary<string, string> ServerRegions)
{
    /// <summary>The fleet's queueing model, for gateways and servers to keep their queues in simulated time; null without one.</summary>
    [Id(4)] public Policy.Model.ModelSpec? Model { get; init; }
}

/// <summary>What a provisioning did: servers created, changed (their specification differs) and removed, by name.</summary>
[GenerateSerializer, Immutable]
public sealed record ProvisionResult(long Version, int Created, int Updated, int Removed, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    [Id(5)] public IReadOnlyList<string> CreatedServers { get; init; } = [];
    [Id(6)] public IReadOnlyList<string> ChangedServers { get; init; } = [];
    [Id(7)] public IReadOnlyList<string> RemovedServers { get; init; } = [];
}

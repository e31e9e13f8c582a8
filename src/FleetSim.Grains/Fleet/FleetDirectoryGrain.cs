using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Backups;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Changes;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.WhatIf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// Provisions the fleet and publishes its directory. A document, or the fleet a management change
/// leads to, is validated whole before anything changes, so a bad one leaves the fleet as it was.
/// Each call is one turn, so concurrent changes apply one after the other to the fleet as the
/// previous one left it. It keeps the fleet document (password hashes only), from which a server
/// grain that reactivates on another silo takes its configuration back.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class FleetDirectoryGrain(
    [FromKeyedServices(FleetSimClock.Key)] TimeProvider clock,
    [PersistentState("directory", FleetSimSiloOptions.StateStorage)] IPersistentState<FleetDirectoryState> state,
    ILogger<FleetDirectoryGrain> logger) : Grain, IFleetDirectoryGrain
{
    // Enough provisioning calls in flight to keep both schedulers busy without flooding them.
    private const int ProvisioningParallelism = 64;

    private DirectorySnapshot _snapshot = new(0, [], [], new Dictionary<string, string>());
    private FleetSpec _fleet = new();
    private FleetContext? _context;
    private Dictionary<string, ServerSpec> _servers = new(ResourceNames.Comparer);

    private CreationSnapshots _creations = new(CreationSnapshots.Empty());

    // While a change is applied, the servers it provisions and the fleet as it was: one of them that
    // activates meanwhile takes the configuration it had, and the change reaches it by Provision,
    // so that a rule change still waits out ruleChangeDelay and a new server is not configured twice.
    private (HashSet<string> Provisioned, Dictionary<string, ServerSpec> Servers, FleetContext Context)? _converging;

    private FleetContext Context => _context ??= FleetContext.From(_fleet);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart the fleet comes back from storage; servers take their part on activation.
        if (state.State.ReadFleet() is not { } stored)
            return;
        var fleet = StoredPasswords.Hashed(stored);
        (_fleet, _servers) = (fleet, ByName(fleet));
        _creations = new CreationSnapshots(new(state.State.CreatedAt ?? [], ResourceNames.Comparer));
        _snapshot = new DirectorySnapshot(state.State.Version, fleet.Regions, fleet.VirtualNetworks, Regions(fleet)) { Model = fleet.Model };
        // State written before passwords were kept hashed, or before the document was kept as JSON, is rewritten.
        if (state.State.Fleet is not null || fleet.Servers.Where((server, i) => !ReferenceEquals(server, stored.Servers[i])).Any())
        {
            await Save(fleet, cancellationToken);
        }
    }

    public async Task<ProvisionResult> Provision(FleetSpec spec)
    {
        var errors = Check(spec);
        return errors.Count > 0 ? Refused(errors) : await Converge(StoredPasswords.Hashed(spec), provisionAll: true);
    }

    public Task<ProvisionResult> Change(ServerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Apply(command.ToChange());
    }

    public async Task<RestoreResult> Restore(RestoreServerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var snapshot = await FindBackup(command.SourceServer, command.PointInTime);
        if (snapshot is null)
            return new RestoreResult(Refused([$"no backup of '{command.SourceServer}'{(command.PointInTime is { } at ? $" at or before {at:u}" : "")}"]), null);
        var result = await Apply(new RestoreServer(command.Server, snapshot.Spec));
        if (result.Succeeded && snapshot.Access is { } access)
            await GrainFactory.GetGrain<IServerGrain>(_servers[command.Server].Name!).RestoreAccounts(access);
        return new RestoreResult(result, result.Succeeded ? snapshot.TakenAt : null);
    }

    public async Task<ServerSnapshot?> FindBackup(string server, DateTimeOffset? pointInTime)
    {
        var (kept, created) = Backups(server);
        var found = await kept.Find(pointInTime);
        return created is not null && (pointInTime is null || created.TakenAt <= pointInTime) && (found is null || found.TakenAt < created.TakenAt)
            ? created : found;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListBackups(string server)
    {
        var (kept, created) = Backups(server);
        var taken = (await kept.List()).ToList();
        if (created is not null)
            taken.Add(created.TakenAt);
        return [.. taken.Order()];
    }

    /// <summary>A server's backups, and the first snapshot of one created on demand, which the directory keeps.</summary>
    private (IServerBackupGrain Kept, ServerSnapshot? Created) Backups(string server)
    {
        var spec = _servers.GetValueOrDefault(server);
        return (GrainFactory.GetGrain<IServerBackupGrain>(spec?.Name ?? server), spec is null ? null : _creations.Of(spec));
    }

    private async Task<ProvisionResult> Apply(ServerChange change)
    {
        var outcome = change.Apply(_fleet);
        if (outcome.Refused)
            return Refused(outcome.Errors);
        var errors = Check(outcome.Fleet);
        return errors.Count > 0 ? Refused(errors) : await Converge(StoredPasswords.Hashed(outcome.Fleet), provisionAll: false);
    }

    /// <summary>The document's own rules, then what the service refuses to a server that exists.</summary>
    private List<string> Check(FleetSpec spec)
    {
        var errors = FleetSpecValidator.Validate(spec);
        if (errors.Count > 0)
            return [.. errors];
        return [.. spec.Servers.Select((server, i) => (server, i))
            .Where(x => _servers.ContainsKey(x.server.Name!))
            .SelectMany(x => ServerTransitions.Check(_servers[x.server.Name!], x.server, $"servers[{x.i}]"))];
    }

    private ProvisionResult Refused(IReadOnlyList<string> errors)
    {
        DirectoryLog.Refused(logger, errors.Count, errors[0]);
        return new(_snapshot.Version, 0, 0, 0, errors);
    }

    /// <summary>
    /// Makes the servers match a valid fleet (its passwords hashed). A whole document provisions
    /// every server, since fleet-wide settings may have changed; a management change only those
    /// it created or changed.
    /// </summary>
    private async Task<ProvisionResult> Converge(FleetSpec fleet, bool provisionAll)
    {
        var (previous, previousContext) = (_servers, Context);
        var wanted = ByName(fleet);
        var removed = previous.Keys.Where(name => !wanted.ContainsKey(name)).ToList();
        var created = wanted.Keys.Where(name => !previous.ContainsKey(name)).ToList();
        var changed = Changed(previous, wanted);
        var context = FleetContext.From(fleet);
        var (eager, onDemand) = CreatedOnDemand.Split(fleet.Servers, created, changed, provisionAll ? await ActiveServers() : null, context);

        // A first snapshot the directory keeps goes to the server's backups before the server changes or goes.
        await ForEachInParallel(changed.Concat(removed).Select(name => _creations.HandOver(previous[name])).OfType<ServerSnapshot>(),
            snapshot => GrainFactory.GetGrain<IServerBackupGrain>(snapshot.Spec.Name!).Take(snapshot));
        (_fleet, _servers, _context) = (fleet, wanted, context);
        _converging = (eager.Select(s => s.Name!).ToHashSet(ResourceNames.Comparer), previous, previousContext);
        try
        {
            await ForEachInParallel(eager, server => GrainFactory.GetGrain<IServerGrain>(server.Name!).Provision(server, context));
        }
        finally
        {
            _converging = null;
        }
        _creations.Created(onDemand, clock.GetUtcNow());
        _snapshot = new DirectorySnapshot(_snapshot.Version + 1, fleet.Regions, fleet.VirtualNetworks, Regions(fleet)) { Model = fleet.Model };
        (state.State.Version, state.State.CreatedAt) = (_snapshot.Version, _creations.CreatedAt);
        await Save(fleet);
        // Removed after the new directory is published, so that gateways stop routing to them first.
        await ForEachInParallel(removed, name => GrainFactory.GetGrain<IServerGrain>(previous[name].Name!).Deprovision());

        DirectoryLog.Published(logger, _snapshot.Version, created.Count, changed.Count, removed.Count);
        return new ProvisionResult(_snapshot.Version, created.Count, provisionAll ? fleet.Servers.Count - created.Count : changed.Count, removed.Count, [])
        {
            CreatedServers = [.. created.Order(StringComparer.Ordinal)],
            ChangedServers = [.. changed.Order(StringComparer.Ordinal)],
            RemovedServers = [.. removed.Order(StringComparer.Ordinal)],
        };
    }

    private async Task Save(FleetSpec fleet, CancellationToken cancellationToken = default)
    {
        state.State.Keep(fleet);
        await state.WriteStateAsync(cancellationToken);
        // The document lives on as objects; its bytes are needed only to be written.
        state.State.Document = null;
    }

    /// <summary>The servers in memory now, on any silo.</summary>
    private async Task<IReadOnlySet<string>> ActiveServers() =>
        (await ActiveServerIds()).Select(id => id.Key.ToString()!).ToHashSet(ResourceNames.Comparer);

    private ValueTask<List<GrainId>> ActiveServerIds() => GrainFactory.GetGrain<IManagementGrain>(0)
        .GetActiveGrains(GrainFactory.GetGrain<IServerGrain>("-").GetGrainId().Type);

    public Task<FleetSpec> GetFleet() => Task.FromResult(_fleet);

    /// <summary>
    /// Servers present before and after whose specification is not the same document. Both sides
    /// hold password hashes, and MariaDB's hash is unsalted: a password given again in clear hashes
    /// to what is kept, so it is recognised as unchanged without the clear text ever being kept.
    /// </summary>
    private static List<string> Changed(Dictionary<string, ServerSpec> before, Dictionary<string, ServerSpec> after) =>
    [
        .. after.Where(s => before.TryGetValue(s.Key, out var old) && FleetDiff.Differs(old, s.Value)).Select(s => s.Key),
    ];

    public Task<DirectorySnapshot?> GetSnapshot(long knownVersion) =>
        Task.FromResult(knownVersion == _snapshot.Version ? null : _snapshot);

    public Task<(ServerSpec? Spec, FleetContext? Context)> GetServer(string name)
    {
        var (servers, context) = _converging is { } converging && converging.Provisioned.Contains(name)
            ? (converging.Servers, converging.Context)
            : (_servers, Context);
        return Task.FromResult<(ServerSpec?, FleetContext?)>(servers.TryGetValue(name, out var spec) ? (spec, context) : (null, null));
    }

    public async Task FlushAudit()
    {
        // Only servers in memory hold records; asking every server would activate the whole fleet.
        await ForEachInParallel(await ActiveServerIds(), id => GrainFactory.GetGrain<IServerGrain>(id).FlushAudit());
        await Task.Delay(AuditFlushGrace);
        await ForEachInParallel(AuditSinkKeys.All(_fleet.Regions.Select(r => r.Name!).Append("unknown")),
            key => GrainFactory.GetGrain<IAuditSinkGrain>(key).Flush());
    }

    /// <summary>Long enough for every gateway's outbox timer to have fired once more.</summary>
    private static readonly TimeSpan AuditFlushGrace = TimeSpan.FromMilliseconds(500);

    private static Dictionary<string, ServerSpec> ByName(FleetSpec fleet) =>
        fleet.Servers.ToDictionary(s => s.Name!, ResourceNames.Comparer);

    private static Dictionary<string, string> Regions(FleetSpec fleet) =>
        fleet.Servers.ToDictionary(s => s.Name!, s => s.Region!, ResourceNames.Comparer);

    private static async Task ForEachInParallel<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        foreach (var chunk in items.Chunk(ProvisioningParallelism))
            await Task.WhenAll(chunk.Select(action));
    }
}

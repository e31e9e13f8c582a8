using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;
using System.Text.Json;
using FleetSim.Policy.Validation;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// Provisions the fleet and publishes its directory. A document is validated whole before anything
/// changes, so a bad one leaves the fleet as it was. It keeps the fleet document, from which a
/// server grain that reactivates on another silo takes its configuration back.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class FleetDirectoryGrain(
    [PersistentState("directory", FleetSimSiloOptions.StateStorage)] IPersistentState<FleetDirectoryState> state,
    ILogger<FleetDirectoryGrain> logger) : Grain, IFleetDirectoryGrain
{
    // Enough provisioning calls in flight to keep both schedulers busy without flooding them.
    private const int ProvisioningParallelism = 64;

    private DirectorySnapshot _snapshot = new(0, [], [], new Dictionary<string, string>());
    private FleetSpec _fleet = new();
    private Dictionary<string, ServerSpec> _servers = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart the fleet comes back from storage; servers take their part on activation.
        if (state.State.Fleet is { } fleet)
        {
            (_fleet, _servers) = (fleet, fleet.Servers.ToDictionary(s => s.Name!, StringComparer.Ordinal));
            _snapshot = new DirectorySnapshot(state.State.Version, fleet.Regions, fleet.VirtualNetworks,
                fleet.Servers.ToDictionary(s => s.Name!, s => s.Region!, StringComparer.Ordinal));
        }
        return Task.CompletedTask;
    }

    public async Task<ProvisionResult> Provision(FleetSpec spec)
    {
        var errors = FleetSpecValidator.Validate(spec);
        if (errors.Count == 0)
        {
            // A valid document may still ask for a change the service refuses to an existing server.
            errors = [.. spec.Servers.Select((server, i) => (server, i))
                .Where(x => _servers.ContainsKey(x.server.Name!))
                .SelectMany(x => ServerTransitions.Check(_servers[x.server.Name!], x.server, $"servers[{x.i}]"))];
        }
        if (errors.Count > 0)
        {
            DirectoryLog.Refused(logger, errors.Count, errors[0]);
            return new ProvisionResult(_snapshot.Version, 0, 0, 0, errors);
        }

        var previous = _snapshot.ServerRegions;
        var wanted = spec.Servers.ToDictionary(s => s.Name!, StringComparer.Ordinal);
        var removed = previous.Keys.Where(name => !wanted.ContainsKey(name)).ToList();
        var context = FleetContext.From(spec);
        var changed = Changed(_servers, wanted);
        (_fleet, _servers) = (spec, wanted);

        await ForEachInParallel(spec.Servers, server => GrainFactory.GetGrain<IServerGrain>(server.Name!).Provision(server, context));
        _snapshot = new DirectorySnapshot(_snapshot.Version + 1, spec.Regions, spec.VirtualNetworks,
            spec.Servers.ToDictionary(s => s.Name!, s => s.Region!, StringComparer.Ordinal));
        (state.State.Fleet, state.State.Version) = (spec, _snapshot.Version);
        await state.WriteStateAsync();
        // Removed after the new directory is published, so that gateways stop routing to them first.
        await ForEachInParallel(removed, name => GrainFactory.GetGrain<IServerGrain>(name).Deprovision());

        var created = wanted.Keys.Where(name => !previous.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        DirectoryLog.Published(logger, _snapshot.Version, created.Count, changed.Count, removed.Count);
        return new ProvisionResult(_snapshot.Version, created.Count, wanted.Count - created.Count, removed.Count, [])
        {
            CreatedServers = created,
            ChangedServers = [.. changed.Order(StringComparer.Ordinal)],
            RemovedServers = [.. removed.Order(StringComparer.Ordinal)],
        };
    }

    public Task<FleetSpec> GetFleet() => Task.FromResult(_fleet);

    /// <summary>Servers present before and after whose specification is not the same document.</summary>
    private static List<string> Changed(Dictionary<string, ServerSpec> before, Dictionary<string, ServerSpec> after) =>
    [
        .. after.Where(s => before.TryGetValue(s.Key, out var old)
            && JsonSerializer.Serialize(old, FleetSpecReader.Options) != JsonSerializer.Serialize(s.Value, FleetSpecReader.Options))
            .Select(s => s.Key),
    ];

    public Task<DirectorySnapshot?> GetSnapshot(long knownVersion) =>
        Task.FromResult(knownVersion == _snapshot.Version ? null : _snapshot);

    public Task<(ServerSpec? Spec, FleetContext? Context)> GetServer(string name) =>
        Task.FromResult<(ServerSpec?, FleetContext?)>(_servers.TryGetValue(name, out var spec) ? (spec, FleetContext.From(_fleet)) : (null, null));

    public async Task FlushAudit()
    {
        await ForEachInParallel(_servers.Keys, name => GrainFactory.GetGrain<IServerGrain>(name).FlushAudit());
        await Task.Delay(AuditFlushGrace);
        await ForEachInParallel(AuditSinkKeys.All(_fleet.Regions.Select(r => r.Name!).Append("unknown")),
            key => GrainFactory.GetGrain<IAuditSinkGrain>(key).Flush());
    }

    /// <summary>Long enough for every gateway's outbox timer to have fired once more.</summary>
    private static readonly TimeSpan AuditFlushGrace = TimeSpan.FromMilliseconds(500);

    private static async Task ForEachInParallel<T>(IEnumerable<T> items, Func<T, Task> action)
    {
        foreach (var chunk in items.Chunk(ProvisioningParallelism))
            await Task.WhenAll(chunk.Select(action));
    }
}

using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;

namespace FleetSim.Grains.Modelling;

/// <summary>
/// A server's worker queue in simulated time, kept by its server grain (one activation, so one
/// owner). Not persisted: after a move to another silo it starts empty, as after a quiet spell.
/// </summary>
internal sealed class ServerQueue
{
    private WorkerQueue? _queue;

    public QueueLoad Load(string name) => _queue is null ? QueueLoad.Empty(name)
        : new QueueLoad(name, _queue.Workers, _queue.BusyMs, _queue.Served, _queue.Abandoned, 0, 0);

    /// <summary>The server's leg of a connection the gateway (or, after a redirect, a direct endpoint) modelled; null when it did not (no model).</summary>
    public async Task<ModelledLatency?> Serve(IServiceProvider services, ModelledVisit? visit, ServerSpec? spec)
    {
        if (visit is null || await QueueFor(services, visit.DirectoryVersion, spec) is not var (model, queue))
            return null;
        return ModelledPath.AtServer(model, queue, ModelSampler.KeyOf(visit.Key), visit.ArrivalMs, visit.GiveUpAtMs, proxied: !visit.Direct);
    }

    /// <summary>The server's leg of a statement: the same workers as logins, the statement's own work.</summary>
    public async Task<ModelledLatency?> Statement(IServiceProvider services, StatementVisit? visit, ServerSpec? spec)
    {
        if (visit is null || await QueueFor(services, visit.DirectoryVersion, spec) is not var (model, queue))
            return null;
        return ModelledPath.StatementAtServer(model, queue, ModelSampler.KeyOf(visit.Key), visit.Index, visit.ArrivalMs, visit.GiveUpAtMs, ahead: true);
    }

    private async Task<(ServiceModel Model, WorkerQueue Queue)?> QueueFor(IServiceProvider services, long directoryVersion, ServerSpec? spec)
    {
        var directory = await services.GetRequiredService<DirectoryCache>().Get(directoryVersion);
        if (directory.ServiceModel is not { } model)
            return null;
        var workers = model.ServerWorkers(Sku.TryParse(spec?.Sku, out var sku) ? sku.VCores : 1);
        if (_queue is null || _queue.Workers != workers)
            _queue = new WorkerQueue(workers);
        return (model, _queue);
    }
}

using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Model;

namespace FleetSim.Grains.Modelling;

/// <summary>
/// A gateway address's worker queue in simulated time, owned by one activation in the cluster.
/// Bookkeeping only: a call is one short turn and nothing waits. The queue is not persisted: after
/// a move to another silo it starts empty, as after a quiet spell.
/// </summary>
public sealed class GatewayQueueGrain(DirectoryCache directoryCache) : Grain, IGatewayQueueGrain
{
    private WorkerQueue? _queue;
    private double _firstArrivalMs = double.NaN;
    private double _lastArrivalMs;

    public async Task<ModelledLatency> Pass(GatewayArrival arrival)
    {
        if (await QueueFor(arrival.DirectoryVersion, arrival.ArrivalMs) is not var (model, queue))
            return ModelledLatency.None;
        return ModelledPath.ToGateway(model, queue, ModelSampler.KeyOf(arrival.Key), arrival.ArrivalMs, arrival.Source, arrival.Tls);
    }

    public async Task<ModelledLatency> Relay(StatementArrival arrival)
    {
        if (await QueueFor(arrival.DirectoryVersion, arrival.ArrivalMs) is not var (model, queue))
            return ModelledLatency.None;
        // The engine sends a statement when its session's login returned, ahead of the logins modelled around it.
        return ModelledPath.Relay(model, queue, ModelSampler.KeyOf(arrival.Key), arrival.Index, arrival.ArrivalMs, arrival.Source, ahead: true);
    }

    private async Task<(ServiceModel Model, WorkerQueue Queue)?> QueueFor(long directoryVersion, double arrivalMs)
    {
        if ((await directoryCache.Get(directoryVersion)).ServiceModel is not { } model)
            return null;
        // A changed model with another number of workers starts a new queue; any other change keeps it.
        if (_queue is null || _queue.Workers != model.GatewayWorkers)
            _queue = new WorkerQueue(model.GatewayWorkers);
        if (double.IsNaN(_firstArrivalMs))
            _firstArrivalMs = arrivalMs;
        _lastArrivalMs = Math.Max(_lastArrivalMs, arrivalMs);
        return (model, _queue);
    }

    public Task<QueueLoad> Load() => Task.FromResult(_queue is null
        ? QueueLoad.Empty(this.GetPrimaryKeyString())
        : new QueueLoad(this.GetPrimaryKeyString(), _queue.Workers, _queue.BusyMs, _queue.Served, _queue.Abandoned, _firstArrivalMs, _lastArrivalMs));
}

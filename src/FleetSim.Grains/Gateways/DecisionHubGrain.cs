using FleetSim.Contracts.Decisions;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// The cluster's meeting point of live decisions: pages register as watchers (and renew, since a
/// page may vanish without saying), silos send their batches here, and each batch goes on to every
/// watcher. Held in memory only: a page re-registers when it renews. Not reentrant: a few calls a
/// second per silo, and the watchers are never changed while a batch is passed on.
/// </summary>
public sealed class DecisionHubGrain(ILogger<DecisionHubGrain> logger) : Grain, IDecisionHubGrain
{
    private readonly ObserverManager<IDecisionWatcher> _watchers = new(DecisionHub.WatchExpiry, logger);

    public Task Watch(IDecisionWatcher watcher)
    {
        _watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task Unwatch(IDecisionWatcher watcher)
    {
        _watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    public Task<bool> Watched()
    {
        _watchers.ClearExpired();
        return Task.FromResult(_watchers.Count > 0);
    }

    public Task Publish(DecisionBatch batch) => _watchers.Notify(w => w.Receive(batch));
}

using FleetSim.Contracts.Decisions;

namespace FleetSim.Web.Api;

/// <summary>
/// A page's registration with the cluster's decision hub: the batches it is sent go to
/// <c>receive</c>; it renews the registration while open (the hub drops a page that stops
/// renewing) and leaves the hub when disposed.
/// </summary>
internal sealed class HubWatcher : IDecisionWatcher, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly Action<DecisionBatch> _receive;
    private readonly IDecisionWatcher _reference;
    private readonly ITimer _renewal;

    private HubWatcher(IGrainFactory grains, Action<DecisionBatch> receive)
    {
        _grains = grains;
        _receive = receive;
        // The runtime holds an observer weakly: the watch that owns this keeps it alive while the page is open.
        _reference = grains.CreateObjectReference<IDecisionWatcher>(this);
        _renewal = TimeProvider.System.CreateTimer(_ => _ = Renew(), null, DecisionHub.RenewEvery, DecisionHub.RenewEvery);
    }

    private IDecisionHubGrain Hub => _grains.GetGrain<IDecisionHubGrain>(IDecisionHubGrain.Key);

    public static async Task<HubWatcher> Start(IGrainFactory grains, Action<DecisionBatch> receive)
    {
        var watcher = new HubWatcher(grains, receive);
        await watcher.Hub.Watch(watcher._reference);
        return watcher;
    }

    public Task Receive(DecisionBatch batch)
    {
        _receive(batch);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _renewal.DisposeAsync();
        try
        {
            await Hub.Unwatch(_reference);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ObjectDisposedException)
        {
            // The cluster or this client is going away: the hub forgets the page when its watch expires.
        }
        _grains.DeleteObjectReference<IDecisionWatcher>(_reference);
    }

    private async Task Renew()
    {
        try
        {
            await Hub.Watch(_reference);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // Tried again at the next renewal, well before the watch expires.
        }
    }
}

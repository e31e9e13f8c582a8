using FleetSim.Contracts.Decisions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// Carries this silo's live decisions to the cluster's <see cref="IDecisionHubGrain"/>, for pages
/// served by any process. It asks the hub every <see cref="DecisionHub.PollEvery"/> whether anyone
/// watches; only then does it subscribe to the silo's <see cref="DecisionFeed"/> and send a batch
/// every <see cref="DecisionHub.BatchEvery"/>. Unwatched, the gateways publish to no one and the
/// silo makes one small call every poll, never one per decision.
/// </summary>
internal sealed class DecisionRelay(DecisionFeed feed, IGrainFactory grains, ILocalSiloDetails silo, ILogger<DecisionRelay> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private DecisionTally? _tally;
    private IDisposable? _subscription;
    private Task _running = Task.CompletedTask;

    /// <summary>Gives a silo its decision feed (unless one was given) and this relay of it to the cluster's hub.</summary>
    internal static void AddTo(IServiceCollection services)
    {
        services.TryAddSingleton<DecisionFeed>();
        services.AddSingleton<DecisionRelay>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(s => s.GetRequiredService<DecisionRelay>());
    }

    private IDecisionHubGrain Hub => grains.GetGrain<IDecisionHubGrain>(IDecisionHubGrain.Key);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DecisionRelay), ServiceLifecycleStage.Active, Start, Stop);

    /// <summary>Asks the hub whether anyone watches, and subscribes to the feed or leaves it accordingly. Returns whether it is watched.</summary>
    internal async Task<bool> Poll()
    {
        var watched = await Hub.Watched();
        lock (_stopping)
        {
            if (watched && _subscription is null)
            {
                _tally = new DecisionTally(silo.SiloAddress.ToString());
                _subscription = feed.Subscribe(_tally.Add);
            }
            else if (!watched && _subscription is not null)
            {
                _subscription.Dispose();
                (_subscription, _tally) = (null, null);
            }
        }
        return watched;
    }

    /// <summary>Sends what the feed saw since the last batch; false when nothing was sent (nothing seen, or nobody watching).</summary>
    internal bool Flush()
    {
        var batch = Volatile.Read(ref _tally)?.Take();
        if (batch is null)
            return false;
        // One way: the hub passes it on. A batch lost with the hub's silo is lost to the pages' counts too.
        _ = Hub.Publish(batch);
        return true;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
    }

    private Task Start(CancellationToken cancellationToken)
    {
        _running = Task.Run(Relay, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running;
    }

    private async Task Relay()
    {
        using var timer = new PeriodicTimer(DecisionHub.BatchEvery);
        var sincePoll = DecisionHub.PollEvery;
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                sincePoll += DecisionHub.BatchEvery;
                try
                {
                    if (sincePoll >= DecisionHub.PollEvery)
                    {
                        sincePoll = TimeSpan.Zero;
                        await Poll().WaitAsync(_stopping.Token);
                    }
                    Flush();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The hub's silo may be starting or leaving: the next poll tries again.
                    GatewayLog.RelayFailed(logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo stops.
        }
    }
}

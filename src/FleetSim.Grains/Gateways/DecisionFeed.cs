using FleetSim.Contracts.Decisions;
using Microsoft.Extensions.DependencyInjection;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// This silo's live feed of gateway decisions, for watchers such as the web page. Gateways publish
/// every decision they log; while nobody subscribes, publishing is one volatile read, so a silo
/// that nobody watches runs as fast as one without a feed.
/// </summary>
public sealed class DecisionFeed
{
    private readonly Lock _gate = new();
    private volatile Action<GatewayDecision>[] _watchers = [];

    public bool Watched => _watchers.Length > 0;

    /// <summary>Gives a silo this feed, for its gateways to publish to (a silo without one has no feed).</summary>
    public void AddTo(ISiloBuilder silo) => silo.Services.AddSingleton(this);

    public void Publish(DateTimeOffset at, Policy.Routing.GatewayAddress gateway, string? server, string source, string user, Policy.Decisions.Verdict verdict)
    {
        var watchers = _watchers;
        if (watchers.Length == 0)
            return;
        var decision = new GatewayDecision(at, gateway.Ip.ToString(), gateway.Region, server, source, user, verdict);
        foreach (var watcher in watchers)
            watcher(decision);
    }

    /// <summary>Calls <paramref name="watcher"/> with every decision from now until the result is disposed. It runs on the gateway's thread: it must not block.</summary>
    public IDisposable Subscribe(Action<GatewayDecision> watcher)
    {
        lock (_gate)
            _watchers = [.. _watchers, watcher];
        return new Subscription(this, watcher);
    }

    private void Unsubscribe(Action<GatewayDecision> watcher)
    {
        lock (_gate)
            _watchers = [.. _watchers.Where(w => w != watcher)];
    }

    private sealed class Subscription(DecisionFeed feed, Action<GatewayDecision> watcher) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                feed.Unsubscribe(watcher);
        }
    }
}

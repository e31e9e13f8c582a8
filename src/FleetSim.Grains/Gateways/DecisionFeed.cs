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
    private long _lastTraced = long.MinValue / 2;

    /// <summary>Milliseconds between two traced decisions while watched.</summary>
    public const int TracedEvery = 50;

    public bool Watched => _watchers.Length > 0;

    /// <summary>Gives a silo this feed, for its gateways to publish to (a silo without one has no feed).</summary>
    public void AddTo(ISiloBuilder silo) => silo.Services.AddSingleton(this);

    /// <param name="trace">The decision's trace from the gateway on, when one was taken (see <see cref="TraceThis"/>).</param>
    public void Publish(DateTimeOffset at, Policy.Routing.GatewayAddress gateway, string? server, string source, string user, Policy.Decisions.Verdict verdict,
        IReadOnlyList<Contracts.Connections.TraceEntry>? trace = null)
    {
        var watchers = _watchers;
        if (watchers.Length == 0)
            return;
        var decision = new GatewayDecision(at, gateway.Text, gateway.Region, server, source, user, verdict, trace);
        foreach (var watcher in watchers)
            watcher(decision);
    }

    /// <summary>
    /// Whether the connection being decided now should be traced for the watchers: while watched,
    /// one every <see cref="TracedEvery"/> on this silo, so that a page can show recent decisions in
    /// full while a loaded fleet pays for a few traces a second, not one per connection.
    /// </summary>
    public bool TraceThis()
    {
        if (_watchers.Length == 0)
            return false;
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastTraced);
        return now - last >= TracedEvery && Interlocked.CompareExchange(ref _lastTraced, now, last) == last;
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

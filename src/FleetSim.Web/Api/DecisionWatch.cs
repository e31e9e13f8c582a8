using System.Collections.Concurrent;
using System.Threading.Channels;
using FleetSim.Contracts.Decisions;
using FleetSim.Grains.Gateways;
using FleetSim.Policy.Decisions;

namespace FleetSim.Web.Api;

/// <summary>
/// One watcher of the live feed: every decision is counted, by the stage that gave it, while only
/// as many are kept to be shown as the page can draw; under heavy load the shown ones are a
/// sample and the counts stay exact. It watches this process's silo directly, or a cluster's silos
/// through the cluster's decision hub, which sends samples and exact counts in batches.
/// </summary>
internal sealed class DecisionWatch : IAsyncDisposable
{
    public const int Shown = 256;

    private readonly Channel<(long Number, GatewayDecision Decision)> _shown =
        Channel.CreateBounded<(long, GatewayDecision)>(new BoundedChannelOptions(Shown) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<string, long> _byStage = new(StringComparer.Ordinal);
    private IAsyncDisposable? _source;
    private long _offered;
    private long _total;
    private long _allowed;
    private long _notShown;

    private DecisionWatch()
    {
    }

    /// <summary>Watches the silo of this process: every decision, as its gateways make it.</summary>
    public static DecisionWatch Of(DecisionFeed feed)
    {
        var watch = new DecisionWatch();
        watch._source = new Unsubscribing(feed.Subscribe(watch.Record));
        return watch;
    }

    /// <summary>Watches every silo of the cluster, through its hub: the silos start sending within a poll.</summary>
    public static async Task<DecisionWatch> Of(IGrainFactory grains)
    {
        var watch = new DecisionWatch();
        watch._source = await HubWatcher.Start(grains, watch.Record);
        return watch;
    }

    public ChannelReader<(long Number, GatewayDecision Decision)> Decisions => _shown.Reader;

    public DecisionCounts Counts() => new(Interlocked.Read(ref _total), Interlocked.Read(ref _allowed), Interlocked.Read(ref _notShown),
        _byStage.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));

    public ValueTask DisposeAsync() => _source?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Record(GatewayDecision decision)
    {
        Interlocked.Increment(ref _total);
        if (decision.Verdict.Allowed)
            Interlocked.Increment(ref _allowed);
        _byStage.AddOrUpdate(DecidingStage.Of(decision.Verdict.Reason, decision.Verdict.Code), 1, (_, n) => n + 1);
        Offer(decision);
    }

    private void Record(DecisionBatch batch)
    {
        Interlocked.Add(ref _total, batch.Total);
        Interlocked.Add(ref _allowed, batch.Allowed);
        foreach (var (stage, count) in batch.ByStage)
            _byStage.AddOrUpdate(stage, count, (_, n) => n + count);
        // The silo sent only a sample: what it left out is not shown either.
        Interlocked.Add(ref _notShown, batch.Total - batch.Lines.Count);
        foreach (var decision in batch.Lines)
            Offer(decision);
    }

    private void Offer(GatewayDecision decision)
    {
        if (!_shown.Writer.TryWrite((Interlocked.Increment(ref _offered), decision)))
            Interlocked.Increment(ref _notShown);
    }

    private sealed class Unsubscribing(IDisposable subscription) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            subscription.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Exact counts since the watcher subscribed: decisions, admitted ones, ones not shown (sampled out), and decisions by the stage that gave them.</summary>
public sealed record DecisionCounts(long Total, long Allowed, long NotShown, IReadOnlyDictionary<string, long> ByStage);

using System.Collections.Concurrent;
using System.Threading.Channels;
using FleetSim.Grains.Gateways;
using FleetSim.Policy.Decisions;

namespace FleetSim.Web.Api;

/// <summary>
/// One watcher of the live feed: every decision is counted, by the stage that gave it, while only
/// as many are kept to be shown as the page can draw; under heavy load the shown ones are a
/// sample and the counts stay exact.
/// </summary>
internal sealed class DecisionWatch : IDisposable
{
    public const int Shown = 256;

    private readonly Channel<(long Number, GatewayDecision Decision)> _shown =
        Channel.CreateBounded<(long, GatewayDecision)>(new BoundedChannelOptions(Shown) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly ConcurrentDictionary<string, long> _byStage = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private long _total;
    private long _allowed;
    private long _notShown;

    public DecisionWatch(DecisionFeed feed) => _subscription = feed.Subscribe(Record);

    public ChannelReader<(long Number, GatewayDecision Decision)> Decisions => _shown.Reader;

    public DecisionCounts Counts() => new(Interlocked.Read(ref _total), Interlocked.Read(ref _allowed), Interlocked.Read(ref _notShown),
        _byStage.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));

    public void Dispose() => _subscription.Dispose();

    private void Record(GatewayDecision decision)
    {
        var number = Interlocked.Increment(ref _total);
        if (decision.Verdict.Allowed)
            Interlocked.Increment(ref _allowed);
        _byStage.AddOrUpdate(DecidingStage.Of(decision.Verdict.Reason, decision.Verdict.Code), 1, (_, n) => n + 1);
        if (!_shown.Writer.TryWrite((number, decision)))
            Interlocked.Increment(ref _notShown);
    }
}

/// <summary>Exact counts since the watcher subscribed: decisions, admitted ones, ones not shown (sampled out), and decisions by the stage that gave them.</summary>
public sealed record DecisionCounts(long Total, long Allowed, long NotShown, IReadOnlyDictionary<string, long> ByStage);

using FleetSim.Contracts.Decisions;
using FleetSim.Grains.Gateways;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Web.Tests;

/// <summary>The per-silo feed gateways publish to: nothing happens for no one, every watcher sees every decision.</summary>
public sealed class DecisionFeedTests
{
    private static readonly GatewayAddress Gateway = new(Ipv4.Parse("40.71.8.203"), "eastus", GatewayState.Current);

    [Fact]
    public void A_feed_nobody_watches_is_not_watched_and_publishing_to_it_does_nothing()
    {
        var feed = new DecisionFeed();
        Assert.False(feed.Watched);
        feed.Publish(DateTimeOffset.UnixEpoch, Gateway, "contoso", "internet address 192.0.2.1", "app@contoso", Verdict.Allow(null));
    }

    [Fact]
    public void A_feed_asks_its_gateways_for_a_trace_only_while_watched()
    {
        var feed = new DecisionFeed();
        Assert.False(feed.TraceThis());
        using (feed.Subscribe(_ => { }))
            Assert.True(feed.TraceThis());
        Assert.False(feed.TraceThis());
    }

    [Fact]
    public void Every_watcher_sees_each_decision_until_it_unsubscribes()
    {
        var feed = new DecisionFeed();
        var first = new List<GatewayDecision>();
        var second = new List<GatewayDecision>();
        var one = feed.Subscribe(first.Add);
        using (feed.Subscribe(second.Add))
        {
            Assert.True(feed.Watched);
            feed.Publish(DateTimeOffset.UnixEpoch, Gateway, "contoso", "internet address 192.0.2.1", "app@contoso", Verdict.Allow("office"));
        }
        feed.Publish(DateTimeOffset.UnixEpoch, Gateway, "contoso", "internet address 192.0.2.2", "app@contoso", Verdict.Allow("office"));
        one.Dispose();
        one.Dispose();
        Assert.False(feed.Watched);
        Assert.Equal(["internet address 192.0.2.1", "internet address 192.0.2.2"], first.Select(d => d.Source));
        Assert.Equal(["internet address 192.0.2.1"], second.Select(d => d.Source));
        Assert.Equal("eastus", first[0].Region);
    }

    [Theory]
    [InlineData(ConnectionReason.FirewallDenied, 9000, "network")]
    [InlineData(ConnectionReason.SslRequired, 9002, "tls")]
    [InlineData(ConnectionReason.AccessDenied, 1045, "authentication")]
    [InlineData(ConnectionReason.AccessDenied, 1044, "database")]
    [InlineData(ConnectionReason.ServerNotFound, 9002, "route")]
    [InlineData(ConnectionReason.TooManyConnections, 1040, "max_connections")]
    [InlineData(ConnectionReason.Allowed, 0, "connected")]
    public void A_decision_is_placed_at_the_stage_that_gives_its_reason(ConnectionReason reason, int code, string stage)
    {
        Assert.Equal(stage, DecidingStage.Of(reason, code));
        Assert.Contains(stage, DecidingStage.Path);
    }
}

using System.Threading.Channels;
using FleetSim.Client;
using FleetSim.Contracts.Decisions;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Gateways;
using Microsoft.Extensions.DependencyInjection;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// The live feed of a cluster (issue 14): a page watching through the decision hub sees the
/// decisions of every silo with exact counts, and a cluster nobody watches sends nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveDecisionTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";
    private const string Stranger = "198.51.100.9";

    private IDecisionHubGrain Hub => cluster.Grains.GetGrain<IDecisionHubGrain>(IDecisionHubGrain.Key);

    private IReadOnlyList<(IGrainFactory Grains, DecisionRelay Relay, DecisionFeed Feed)> Silos =>
        [.. cluster.Cluster.Silos.Select(s => (s.ServiceProvider.GetRequiredService<IGrainFactory>(), s.ServiceProvider.GetRequiredService<DecisionRelay>(),
            s.ServiceProvider.GetRequiredService<DecisionFeed>()))];

    [Fact]
    public async Task A_watcher_sees_the_decisions_of_every_silo_with_exact_counts_by_stage()
    {
        var (_, version) = await FleetProvisioning.Provision(cluster.Grains, With(Contoso(Rule("office", Office))), asNew: true);
        var watcher = new Watcher();
        var reference = cluster.Grains.CreateObjectReference<IDecisionWatcher>(watcher);
        await Hub.Watch(reference);
        try
        {
            // Each silo learns at its next poll that someone watches; asked now rather than waited for.
            foreach (var silo in Silos)
                Assert.True(await silo.Relay.Poll());
            // Made inside each silo, so that each silo's own gateway activation decides them.
            foreach (var silo in Silos)
            {
                var connector = new FleetConnector(silo.Grains, new DirectoryCache(silo.Grains));
                for (var i = 0; i < 3; i++)
                    await connector.Connect(Login(Office), directoryVersion: version);
                await connector.Connect(Login(Stranger), directoryVersion: version);
                silo.Relay.Flush();
            }

            var batches = await watcher.UntilTotal(8);
            Assert.Equal(2, batches.Select(b => b.Silo).Distinct().Count());
            Assert.Equal(8, batches.Sum(b => b.Total));
            Assert.Equal(6, batches.Sum(b => b.Allowed));
            var byStage = batches.SelectMany(b => b.ByStage).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
            Assert.Equal(new Dictionary<string, long> { ["connected"] = 6, ["network"] = 2 }, byStage);
            Assert.Equal(2, batches.SelectMany(b => b.Lines).Count(l => l.Source.Contains(Stranger, StringComparison.Ordinal)));
        }
        finally
        {
            await Hub.Unwatch(reference);
            cluster.Grains.DeleteObjectReference<IDecisionWatcher>(reference);
            foreach (var silo in Silos)
                await silo.Relay.Poll();
        }
    }

    [Fact]
    public async Task With_nobody_watching_no_silo_listens_to_its_gateways_or_sends_a_batch()
    {
        var (_, version) = await FleetProvisioning.Provision(cluster.Grains, With(Contoso(Rule("office", Office))), asNew: true);
        Assert.False(await Hub.Watched());
        foreach (var silo in Silos)
        {
            Assert.False(await silo.Relay.Poll());
            await new FleetConnector(silo.Grains, new DirectoryCache(silo.Grains)).Connect(Login(Office), directoryVersion: version);
            Assert.False(silo.Feed.Watched);
            Assert.False(silo.Relay.Flush());
        }
    }

    [Fact]
    public async Task A_watcher_that_leaves_is_no_longer_counted_as_watching()
    {
        var reference = cluster.Grains.CreateObjectReference<IDecisionWatcher>(new Watcher());
        await Hub.Watch(reference);
        Assert.True(await Hub.Watched());
        await Hub.Unwatch(reference);
        cluster.Grains.DeleteObjectReference<IDecisionWatcher>(reference);
        Assert.False(await Hub.Watched());
    }

    /// <summary>A page, as the hub sees one: it collects the batches it is sent.</summary>
    private sealed class Watcher : IDecisionWatcher
    {
        private readonly Channel<DecisionBatch> _batches = Channel.CreateUnbounded<DecisionBatch>();

        public Task Receive(DecisionBatch batch) => _batches.Writer.WriteAsync(batch).AsTask();

        /// <summary>The batches once they count <paramref name="total"/> decisions in all.</summary>
        public async Task<IReadOnlyList<DecisionBatch>> UntilTotal(long total)
        {
            var received = new List<DecisionBatch>();
            while (received.Sum(b => b.Total) < total)
                received.Add(await _batches.Reader.ReadAsync(TestContext.Current.CancellationToken));
            return received;
        }
    }
}

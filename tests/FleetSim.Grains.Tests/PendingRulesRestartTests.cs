using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using Microsoft.Extensions.Time.Testing;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>A rule change waiting out ruleChangeDelay is persisted: a server that comes back after its silo was lost still waits.</summary>
public sealed class PendingRulesRestartTests
{
    private const string Office = "203.0.113.7";

    [Fact]
    public async Task A_pending_rule_change_survives_the_loss_of_its_silo_and_applies_when_due()
    {
        var clock = new FakeTimeProvider(FakeClockCluster.Start);
        string folder;
        DateTimeOffset changedAt;
        await using (var first = await FakeClockCluster.Deploy(clock))
        {
            folder = first.Folder;
            await first.Provision(With(Contoso()) with { RuleChangeDelay = "5m" });
            changedAt = clock.GetUtcNow();
            await first.Provision(With(Contoso(Rule("office", Office))) with { RuleChangeDelay = "5m" }, asNew: false);
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        await using var second = await FakeClockCluster.Deploy(clock, folder);
        var connector = new Client.FleetConnector(second.Grains, new Contracts.Fleet.DirectoryCache(second.Grains));
        var server = second.Grains.GetGrain<IServerGrain>(Server);

        Assert.Equal(changedAt.AddMinutes(5), (await server.GetStatus()).PendingRulesApplyAt);
        Assert.Equal(ConnectionReason.FirewallDenied, (await connector.Connect(Login(Office))).Reason);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(ConnectionReason.Allowed, (await connector.Connect(Login(Office))).Reason);
    }
}

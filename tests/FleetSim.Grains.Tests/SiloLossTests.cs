using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Decisions;
using Microsoft.Extensions.Time.Testing;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// What a server keeps when its silo is lost and it comes back on another: a rule change still
/// waiting out ruleChangeDelay, and the sessions it killed (a late statement on one still gets
/// 1927, one the client closed does not).
/// </summary>
public sealed class SiloLossTests
{
    private const string Office = "203.0.113.7";

    private readonly FakeTimeProvider _clock = new(FakeClockCluster.Start);

    /// <summary>Runs <paramref name="before"/> on a cluster, loses it, and starts another on the same stores.</summary>
    private async Task<(FakeClockCluster Cluster, FleetConnector Connector)> AfterSiloLoss(Func<FakeClockCluster, Task> before)
    {
        string folder;
        await using (var first = await FakeClockCluster.Deploy(_clock))
        {
            folder = first.Folder;
            await before(first);
        }
        var second = await FakeClockCluster.Deploy(_clock, folder);
        return (second, new FleetConnector(second.Grains, new DirectoryCache(second.Grains)));
    }

    [Fact]
    public async Task A_pending_rule_change_survives_the_loss_of_its_silo_and_applies_when_due()
    {
        var changedAt = _clock.GetUtcNow();
        var (second, connector) = await AfterSiloLoss(async first =>
        {
            await first.Provision(With(Contoso()) with { RuleChangeDelay = "5m" });
            await first.Provision(With(Contoso(Rule("office", Office))) with { RuleChangeDelay = "5m" }, asNew: false);
            _clock.Advance(TimeSpan.FromMinutes(1));
        });
        await using var _ = second;

        Assert.Equal(changedAt.AddMinutes(5), (await second.Grains.GetGrain<IServerGrain>(Server).GetStatus()).PendingRulesApplyAt);
        Assert.Equal(ConnectionReason.FirewallDenied, (await connector.Connect(Login(Office))).Reason);
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(ConnectionReason.Allowed, (await connector.Connect(Login(Office))).Reason);
    }

    [Fact]
    public async Task A_killed_session_still_gets_1927_after_the_loss_of_its_silo_and_a_closed_one_2006()
    {
        ConnectResult killed = null!, closed = null!;
        var (second, connector) = await AfterSiloLoss(async first =>
        {
            var before = await first.Provision(With(Contoso(Rule("office", Office))));
            closed = await first.Connect(before, Login(Office, hold: true));
            await before.Disconnect(closed);
            killed = await first.Connect(before, Login(Office, hold: true));
            await first.Provision(With(Contoso(Rule("office", Office)) with { State = "Stopped" }), asNew: false);
        });
        await using var _ = second;

        var onKilled = await connector.Execute(killed, "SELECT 1");
        var onClosed = await connector.Execute(closed, "SELECT 1");

        Assert.Equal((1927, "Connection was killed"), (onKilled.Code, onKilled.Message));
        Assert.Equal(2006, onClosed.Code);
    }
}

using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// FleetSim's own time rules run on the silo's clock, here a fake one: a rule change takes
/// ruleChangeDelay from when it was made, a revoked key makes its server Inaccessible after the
/// revocation delay, backups are stamped with the time they were taken. An attempt's own time
/// stamps its records but moves none of these.
/// </summary>
public sealed class TimeRuleTests : IAsyncLifetime
{
    private const string Office = "203.0.113.7";

    private FakeClockCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await FakeClockCluster.Deploy();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private IServerGrain Contoso => _cluster.Grains.GetGrain<IServerGrain>(Server);

    [Fact]
    public async Task A_rule_change_applies_ruleChangeDelay_after_it_was_made_whatever_time_an_attempt_carries()
    {
        await _cluster.Provision(With(Fleets.Contoso()) with { RuleChangeDelay = "5m" });
        var changedAt = _cluster.Clock.GetUtcNow();
        var connector = await _cluster.Provision(With(Fleets.Contoso(Rule("office", Office))) with { RuleChangeDelay = "5m" }, asNew: false);
        Assert.Equal(changedAt.AddMinutes(5), (await Contoso.GetStatus()).PendingRulesApplyAt);

        var stampedLater = await _cluster.Connect(connector, Login(Office) with { At = changedAt.AddHours(1) });
        _cluster.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var justBefore = await _cluster.Connect(connector, Login(Office));
        _cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await _cluster.Connect(connector, Login(Office));

        Assert.Equal((ConnectionReason.FirewallDenied, ConnectionReason.FirewallDenied, ConnectionReason.Allowed), (stampedLater.Reason, justBefore.Reason, due.Reason));
        Assert.Null((await Contoso.GetStatus()).PendingRulesApplyAt);
    }

    [Fact]
    public async Task A_revoked_key_makes_the_server_Inaccessible_after_the_delay_ending_its_sessions_until_revalidated()
    {
        FleetSpec Fleet(string keyState) => With(Fleets.Contoso(Rule("office", Office)) with
        {
            DataEncryption = new DataEncryptionSpec { KeyVault = "kv", KeyName = "cmk" },
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION" },
        }) with
        {
            KeyVaults = [new KeyVaultSpec { Name = "kv", Keys = [new KeyVaultKeySpec { Name = "cmk", State = keyState }] }],
            KeyRevocationDelay = "10m",
        };
        var connector = await _cluster.Provision(Fleet("Enabled"));
        var held = await _cluster.Connect(connector, Login(Office, hold: true));
        connector = await _cluster.Provision(Fleet("AccessRevoked"), asNew: false);

        _cluster.Clock.Advance(TimeSpan.FromMinutes(9));
        var withinDelay = await _cluster.Connect(connector, Login(Office) with { At = FakeClockCluster.Start.AddDays(1) });
        Assert.Equal(0, (await connector.Execute(held, "SELECT 1")).Code);
        _cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var killed = await connector.Execute(held, "SELECT 1");
        var afterDelay = await _cluster.Connect(connector, Login(Office));

        Assert.Equal((ConnectionReason.Allowed, ConnectionReason.ServerInaccessible), (withinDelay.Reason, afterDelay.Reason));
        Assert.Equal((1927, "Connection was killed"), (killed.Code, killed.Message));
        var heldRecords = (await AuditStoreReader.Records(_cluster.Grains, _cluster.AuditStore, Server)).Where(r => r.ConnectionId == held.ConnectionId);
        Assert.Equal(["CONNECT", "DISCONNECT"], heldRecords.Where(r => r.EventClass.ToString() == "connection_log").Select(r => r.EventSubclass.ToString()));
        var audited = connector.Audited;
        await connector.Disconnect(held);
        Assert.Equal(audited, connector.Audited);

        Assert.NotNull(await Contoso.RevalidateKey());
        connector = await _cluster.Provision(Fleet("Enabled"), asNew: false);
        Assert.Equal(ConnectionReason.ServerInaccessible, (await _cluster.Connect(connector, Login(Office))).Reason);
        Assert.Null(await Contoso.RevalidateKey());
        Assert.Equal(ConnectionReason.Allowed, (await _cluster.Connect(connector, Login(Office))).Reason);
    }

    [Fact]
    public async Task A_point_in_time_finds_the_accounts_in_force_then_and_not_later_ones()
    {
        var connector = await _cluster.Provision(With(Fleets.Contoso(Rule("office", Office))));
        var beforeUser = _cluster.Clock.GetUtcNow();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await _cluster.Connect(connector, Login(Office) with { Statements = ["CREATE USER 'late_user'@'%' IDENTIFIED BY 'Late#2026x'"] });

        var directory = _cluster.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        var then = await directory.FindBackup(Server, beforeUser);
        var now = await directory.FindBackup(Server, null);
        Assert.DoesNotContain(then!.Access!.Accounts, a => a.User == "late_user");
        Assert.Contains(now!.Access!.Accounts, a => a.User == "late_user");
        Assert.Equal([beforeUser, beforeUser.AddMinutes(1)], (await directory.ListBackups(Server)).TakeLast(2));
    }
}

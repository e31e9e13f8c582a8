using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// A new server is a virtual grain that activates on its first call, configured from the directory,
/// so that an idle fleet costs memory in the directory only: provisioning activates none of them,
/// yet each is judged, backed up and restored as if it had been created in memory.
/// </summary>
public sealed class OnDemandServerTests : IAsyncLifetime
{
    private const string Office = "203.0.113.7";
    private const string Other = "fabrikam";

    private FakeClockCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await FakeClockCluster.Deploy();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private IFleetDirectoryGrain Directory => _cluster.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);

    private static FleetSpec TwoServers(params FirewallRuleSpec[] rules) =>
        With(Contoso(rules), Contoso(rules) with { Name = Other });

    [Fact]
    public async Task Provisioning_activates_no_server_and_a_first_connection_is_judged_by_the_specification()
    {
        var connector = await _cluster.Provision(TwoServers(Rule("office", Office)));
        var idle = await ActiveServers();

        var allowed = await _cluster.Connect(connector, Login(Office));
        var denied = await _cluster.Connect(connector, Login("198.51.100.9"));

        Assert.Empty(idle);
        Assert.Equal((ConnectionReason.Allowed, ConnectionReason.FirewallDenied), (allowed.Reason, denied.Reason));
        Assert.Equal([Server], await ActiveServers());
    }

    [Fact]
    public async Task A_server_never_used_has_its_creation_backup_which_outlives_it_and_restores_it()
    {
        await _cluster.Provision(TwoServers(Rule("office", Office)));
        var createdAt = _cluster.Clock.GetUtcNow();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(3));

        var deleted = await Directory.Change(new DeleteServerCommand(Other));
        var restored = await Directory.Restore(new RestoreServerCommand("fabrikam-restored", Other, null));

        Assert.True(deleted.Succeeded, string.Join(Environment.NewLine, deleted.Errors));
        Assert.Equal([createdAt], await Directory.ListBackups(Other));
        Assert.True(restored.Provisioned.Succeeded, string.Join(Environment.NewLine, restored.Provisioned.Errors));
        Assert.Equal(createdAt, restored.BackupTakenAt);
        Assert.True((await _cluster.Grains.GetGrain<IServerGrain>("fabrikam-restored").GetStatus()).Provisioned);
    }

    [Fact]
    public async Task A_changed_server_keeps_its_creation_backup_before_the_change_and_a_backup_of_the_change()
    {
        await _cluster.Provision(TwoServers());
        var createdAt = _cluster.Clock.GetUtcNow();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(3));

        await _cluster.Provision(TwoServers(Rule("office", Office)), asNew: false);

        Assert.Equal([createdAt, createdAt.AddMinutes(3)], await Directory.ListBackups(Server));
        Assert.Empty((await Directory.FindBackup(Server, createdAt))!.Spec.FirewallRules);
        Assert.Single((await Directory.FindBackup(Server, null))!.Spec.FirewallRules);
    }

    [Fact]
    public async Task New_fleet_settings_leave_idle_servers_idle_and_a_later_change_waits_out_the_new_ruleChangeDelay()
    {
        var connector = await _cluster.Provision(TwoServers(Rule("office", Office)));
        Assert.Equal(ConnectionReason.Allowed, (await _cluster.Connect(connector, Login(Office))).Reason);

        await _cluster.Provision(TwoServers(Rule("office", Office)) with { RuleChangeDelay = "5m" }, asNew: false);
        var activeAfterSettings = await ActiveServers();
        var changed = await _cluster.Provision(With(Contoso(), Contoso(Rule("office", Office)) with { Name = Other }) with { RuleChangeDelay = "5m" }, asNew: false);
        var stillOpen = await _cluster.Connect(changed, Login(Office));

        Assert.Equal([Server], activeAfterSettings);
        Assert.Equal([Server], await ActiveServers());
        Assert.Equal(ConnectionReason.Allowed, stillOpen.Reason);
        Assert.Equal(_cluster.Clock.GetUtcNow().AddMinutes(5), (await _cluster.Grains.GetGrain<IServerGrain>(Server).GetStatus()).PendingRulesApplyAt);
    }

    private async Task<List<string>> ActiveServers()
    {
        var type = _cluster.Grains.GetGrain<IServerGrain>("-").GetGrainId().Type;
        var active = await _cluster.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
        return [.. active.Select(id => id.Key.ToString()!).Order(StringComparer.Ordinal)];
    }
}

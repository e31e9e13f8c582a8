using FleetSim.Contracts.Backups;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>Backups: every change of configuration or accounts is a snapshot a restore can go back to.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BackupTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    [Fact]
    public async Task A_point_in_time_finds_the_accounts_in_force_then_and_not_later_ones()
    {
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office))));
        var beforeUser = DateTimeOffset.UtcNow;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await cluster.Connect(connector, Login(Office) with { Statements = ["CREATE USER 'late_user'@'%' IDENTIFIED BY 'Late#2026x'"] });

        var backups = cluster.Grains.GetGrain<IServerBackupGrain>(Server);
        var then = await backups.Find(beforeUser);
        var now = await backups.Find(null);
        Assert.DoesNotContain(then!.Access!.Accounts, a => a.User == "late_user");
        Assert.Contains(now!.Access!.Accounts, a => a.User == "late_user");
        Assert.True((await backups.List()).Count >= 2);
    }
}

using FleetSim.Policy.Decisions;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>Management changes are commands the directory applies to the fleet as it is: none is lost, each touches only its server.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ManagementChangeTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    private IFleetDirectoryGrain Directory => cluster.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);

    [Fact]
    public async Task Rules_created_at_once_on_one_server_all_land()
    {
        await cluster.Provision(With(Contoso()));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Directory.Change(new CreateOrUpdateFirewallRuleCommand(Server, Rule($"rule-{i:00}", $"198.51.100.{i}")))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(Environment.NewLine, r.Errors)));
        var rules = (await Directory.GetFleet()).Servers.Single().FirewallRules.Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"rule-{i:00}"), rules);
    }

    [Fact]
    public async Task A_change_to_one_server_leaves_the_others_as_they_were()
    {
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office)), Contoso(Rule("office", Office)) with { Name = "fabrikam" }));
        var fabrikam = Login(Office, user: "dbadmin@fabrikam", host: "fabrikam.mariadb.database.azure.com");
        var created = await cluster.Connect(connector, fabrikam with { Statements = ["CREATE USER 'analyst'@'%' IDENTIFIED BY 'Insight#2026'"] });
        Assert.Equal(0, created.Statements![0].Code);

        var changed = await Directory.Change(new CreateOrUpdateFirewallRuleCommand(Server, Rule("home", "192.0.2.1")));

        Assert.Equal((0, 1, 0), (changed.Created, changed.Updated, changed.Removed));
        Assert.Equal(new[] { Server }, changed.ChangedServers);
        // Provisioning rebuilds a server's accounts from its spec: fabrikam was not provisioned again.
        var analyst = await connector.Connect(fabrikam with { User = "analyst@fabrikam", Password = "Insight#2026" }, null, changed.Version);
        Assert.Equal(ConnectionReason.Allowed, analyst.Reason);
    }

    [Fact]
    public async Task Names_of_servers_and_rules_are_the_same_in_any_case()
    {
        await cluster.Provision(With(Contoso(Rule("Office", Office))));

        var deleted = await Directory.Change(new DeleteFirewallRuleCommand("CONTOSO", "OFFICE"));
        var stopped = await Directory.Change(new SetServerStateCommand("Contoso", ServerState.Stopped));

        Assert.True(deleted.Succeeded && stopped.Succeeded, string.Join(Environment.NewLine, deleted.Errors.Concat(stopped.Errors)));
        var server = (await Directory.GetFleet()).Servers.Single();
        Assert.Equal((Server, 0, "Stopped"), (server.Name, server.FirewallRules.Count, server.State));
    }

    [Fact]
    public async Task A_refused_change_leaves_the_fleet_as_it_was()
    {
        await cluster.Provision(With(Contoso(Rule("office", Office)) with { PublicNetworkAccess = "Disabled" }));
        var before = await Directory.GetFleet();

        var locked = await Directory.Change(new CreateOrUpdateFirewallRuleCommand(Server, Rule("home", "192.0.2.1")));
        var missing = await Directory.Change(new DeleteFirewallRuleCommand(Server, "home"));

        Assert.Contains(locked.Errors, e => e.Contains("42101", StringComparison.Ordinal));
        Assert.Equal(new[] { "server 'contoso' has no firewall rule 'home'" }, missing.Errors);
        Assert.Equal(before.Servers.Single().FirewallRules, (await Directory.GetFleet()).Servers.Single().FirewallRules);
    }

    [Fact]
    public async Task Applying_the_same_fleet_again_changes_no_server_though_only_hashes_are_kept()
    {
        var fleet = With(Contoso(Rule("office", Office)) with { Users = [new UserSpec { Name = "app", Password = "Sh0p!2026" }] });
        await cluster.Provision(fleet);

        var again = await Directory.Provision(fleet);
        var newPassword = await Directory.Provision(With(fleet.Servers[0] with { AdministratorLoginPassword = "Contoso!2027" }));

        Assert.Empty(again.ChangedServers);
        Assert.Equal(new[] { Server }, newPassword.ChangedServers);
    }
}

using System.Text.Json;
using FleetSim.Policy.Admission;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>The fleet directory: provisioning, re-provisioning, and what gateways see of it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DirectoryTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    [Fact]
    public async Task Reprovisioning_with_a_new_rule_takes_effect_for_the_next_connection()
    {
        var before = await cluster.Connect(await cluster.Provision(With(Contoso())), Login(Office));
        var after = await cluster.Connect(await cluster.Provision(With(Contoso(Rule("office", Office))), asNew: false), Login(Office));
        Assert.Equal((ConnectionReason.FirewallDenied, ConnectionReason.Allowed), (before.Reason, after.Reason));
    }

    [Fact]
    public async Task A_server_removed_from_the_fleet_is_no_longer_found()
    {
        await cluster.Provision(With(Contoso(Rule("office", Office)), Contoso(Rule("office", Office)) with { Name = "fabrikam" }));
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office))), asNew: false);
        var byHost = await cluster.Connect(connector, Login(Office, user: "dbadmin@fabrikam", host: "fabrikam.mariadb.database.azure.com"));
        var byUser = await cluster.Connect(connector, Login(Office, user: "dbadmin@fabrikam"));
        Assert.Equal((ConnectionReason.HostNotFound, ConnectionReason.ServerNotFound), (byHost.Reason, byUser.Reason));
        var status = await cluster.Grains.GetGrain<IServerGrain>("fabrikam").GetStatus();
        Assert.False(status.Provisioned);
    }

    [Fact]
    public async Task Provisioning_reports_what_it_created_updated_and_removed()
    {
        await cluster.Provision(With(Contoso(), Contoso() with { Name = "fabrikam" }));
        var result = await cluster.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default)
            .Provision(With(Contoso(), Contoso() with { Name = "tailspin" }));
        Assert.Equal((1, 1, 1), (result.Created, result.Updated, result.Removed));
    }

    [Theory]
    [InlineData("administratorLogin")]
    [InlineData("minimalTlsVersion")]
    [InlineData("firewallRules")]
    [InlineData("sku")]
    public async Task A_change_the_service_refuses_leaves_the_fleet_as_it_was(string field)
    {
        var before = Contoso(Rule("office", Office)) with { MinimalTlsVersion = "TLS1_2", PublicNetworkAccess = "Disabled" };
        await cluster.Provision(With(before));
        var after = field switch
        {
            "administratorLogin" => before with { AdministratorLogin = "newadmin" },
            "minimalTlsVersion" => before with { MinimalTlsVersion = "TLSEnforcementDisabled" },
            "firewallRules" => before with { FirewallRules = [Rule("office", Office), Rule("home", "192.0.2.1")] },
            _ => before with { Sku = "B_Gen5_1" },
        };
        var directory = cluster.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        var result = await directory.Provision(With(after));
        Assert.Contains(result.Errors, e => e.StartsWith($"servers[0].{field}:", StringComparison.Ordinal));
        Assert.Equal(JsonSerializer.Serialize(StoredPasswords.Hashed(before), FleetSpecReader.Options),
            JsonSerializer.Serialize((await directory.GetFleet()).Servers.Single(), FleetSpecReader.Options));
    }

    [Fact]
    public async Task Servers_of_a_fleet_are_spread_over_both_silos_and_all_answer()
    {
        var servers = Enumerable.Range(0, 40).Select(i => Contoso(Rule("office", Office)) with { Name = $"srv-{i:00}" }).ToArray();
        var connector = await cluster.Provision(With(servers));
        var results = await Task.WhenAll(servers.Select(s => cluster.Connect(connector,
            Login(Office, user: $"dbadmin@{s.Name}", host: $"{s.Name}.mariadb.database.azure.com"))));
        Assert.All(results, r => Assert.Equal(ConnectionReason.Allowed, r.Reason));
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }
}

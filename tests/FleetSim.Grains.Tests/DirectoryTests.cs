using System.Text.Json;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Validation;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using FleetSim.Contracts.Fleet;
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
        Assert.Equal(("FirewallDenied", "Allowed"), (before.Reason, after.Reason));
    }

    [Fact]
    public async Task A_server_removed_from_the_fleet_is_no_longer_found()
    {
        await cluster.Provision(With(Contoso(Rule("office", Office)), Contoso(Rule("office", Office)) with { Name = "fabrikam" }));
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office))), asNew: false);
        var byHost = await cluster.Connect(connector, Login(Office, user: "dbadmin@fabrikam", host: "fabrikam.mariadb.database.azure.com"));
        var byUser = await cluster.Connect(connector, Login(Office, user: "dbadmin@fabrikam"));
        Assert.Equal(("HostNotFound", "ServerNotFound"), (byHost.Reason, byUser.Reason));
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
    public async Task A_rule_change_applies_after_the_fleets_rule_change_delay_and_shows_as_pending_until_then()
    {
        await cluster.Provision(With(Contoso()) with { RuleChangeDelay = "5m" });
        var changedAt = DateTimeOffset.UtcNow;
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office))) with { RuleChangeDelay = "5m" }, asNew: false);

        var status = await cluster.Grains.GetGrain<IServerGrain>(Server).GetStatus();
        Assert.InRange(status.PendingRulesApplyAt!.Value, changedAt.AddMinutes(5).AddSeconds(-5), changedAt.AddMinutes(5).AddSeconds(30));
        var soon = await cluster.Connect(connector, Login(Office) with { At = changedAt.AddMinutes(1) });
        var later = await cluster.Connect(connector, Login(Office) with { At = changedAt.AddMinutes(6) });
        Assert.Equal(("FirewallDenied", "Allowed"), (soon.Reason, later.Reason));
        Assert.Null((await cluster.Grains.GetGrain<IServerGrain>(Server).GetStatus()).PendingRulesApplyAt);
    }

    [Fact]
    public async Task A_revoked_customer_managed_key_makes_the_server_inaccessible_after_the_delay_until_revalidated()
    {
        FleetSpec Fleet(string keyState) => With(Contoso(Rule("office", Office)) with
        {
            DataEncryption = new DataEncryptionSpec { KeyVault = "kv", KeyName = "cmk" },
        }) with
        {
            KeyVaults = [new KeyVaultSpec { Name = "kv", Keys = [new KeyVaultKeySpec { Name = "cmk", State = keyState }] }],
            KeyRevocationDelay = "10m",
        };
        await cluster.Provision(Fleet("Enabled"));
        var revokedAt = DateTimeOffset.UtcNow;
        var connector = await cluster.Provision(Fleet("AccessRevoked"), asNew: false);
        var server = cluster.Grains.GetGrain<IServerGrain>(Server);

        var withinDelay = await cluster.Connect(connector, Login(Office) with { At = revokedAt.AddMinutes(1) });
        var afterDelay = await cluster.Connect(connector, Login(Office) with { At = revokedAt.AddMinutes(11) });
        Assert.Equal(("Allowed", "ServerInaccessible"), (withinDelay.Reason, afterDelay.Reason));
        Assert.NotNull(await server.RevalidateKey());

        connector = await cluster.Provision(Fleet("Enabled"), asNew: false);
        var keyBack = await cluster.Connect(connector, Login(Office) with { At = revokedAt.AddMinutes(12) });
        Assert.Equal("ServerInaccessible", keyBack.Reason);
        Assert.Null(await server.RevalidateKey());
        var revalidated = await cluster.Connect(connector, Login(Office) with { At = revokedAt.AddMinutes(13) });
        Assert.Equal("Allowed", revalidated.Reason);
    }

    [Fact]
    public async Task Servers_of_a_fleet_are_spread_over_both_silos_and_all_answer()
    {
        var servers = Enumerable.Range(0, 40).Select(i => Contoso(Rule("office", Office)) with { Name = $"srv-{i:00}" }).ToArray();
        var connector = await cluster.Provision(With(servers));
        var results = await Task.WhenAll(servers.Select(s => cluster.Connect(connector,
            Login(Office, user: $"dbadmin@{s.Name}", host: $"{s.Name}.mariadb.database.azure.com"))));
        Assert.All(results, r => Assert.Equal("Allowed", r.Reason));
        Assert.Equal(2, cluster.Cluster.GetActiveSilos().Count());
    }
}

using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Durable state: a cluster stopped and started again on the same encrypted state file finds the
/// fleet and the accounts its administrator created as it left them.
/// </summary>
public sealed class RestartTests
{
    private const string Office = "203.0.113.7";

    private readonly string _folder = Directory.CreateTempSubdirectory("fleetsim-restart-").FullName;

    private async Task<InProcessTestCluster> Start()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(o =>
        {
            o.AuditStore = Path.Combine(_folder, "audit.db");
            o.StateStore = Path.Combine(_folder, "state.db");
            o.KeyFilePath = Path.Combine(_folder, "service-keys.json");
        }));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task After_a_restart_the_fleet_and_run_time_accounts_are_as_they_were_and_stored_encrypted()
    {
        var cluster = await Start();
        var directory = cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var provisioned = await directory.Provision(With(Contoso(Rule("office-firewall-rule", Office)) with
        {
            ThreatProtection = new ThreatProtectionSpec { State = "Enabled" },
        }));
        var connector = new FleetConnector(cluster.Client, new DirectoryCache(cluster.Client));
        var created = await connector.Connect(Login(Office) with { At = start, Statements = ["CREATE USER 'night_analyst'@'%' IDENTIFIED BY 'Insight#2026'"] }, null, provisioned.Version);
        Assert.Equal(0, created.Statements![0].Code);
        await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
        await cluster.DisposeAsync();

        var raw = Directory.GetFiles(_folder, "state.db*").SelectMany(File.ReadAllBytes).ToArray();
        var rawText = System.Text.Encoding.UTF8.GetString(raw) + System.Text.Encoding.Unicode.GetString(raw);
        Assert.DoesNotContain("office-firewall-rule", rawText, StringComparison.Ordinal);
        Assert.DoesNotContain("night_analyst", rawText, StringComparison.Ordinal);

        var restarted = await Start();
        try
        {
            connector = new FleetConnector(restarted.Client, new DirectoryCache(restarted.Client));
            var analyst = await connector.Connect(Login(Office, user: "night_analyst@contoso", password: "Insight#2026") with { At = start.AddDays(8) }, null, provisioned.Version);
            Assert.Equal((ConnectionReason.Allowed, "office-firewall-rule"), (analyst.Reason, analyst.Rule));
            // The learning period started before the restart: a user unseen in it is an anomaly now.
            var alert = Assert.Single(await AuditStoreReader.Alerts(restarted.Client, Path.Combine(_folder, "audit.db"), Server));
            Assert.Equal(("SQL.MariaDB_PrincipalAnomaly", "night_analyst"), (alert.AlertType, alert.User));
            var stranger = await connector.Connect(Login("192.0.2.1"), null, provisioned.Version);
            Assert.Equal(ConnectionReason.FirewallDenied, stranger.Reason);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Nothing accepted is lost: sessions run through a two-silo cluster while one silo stops
/// gracefully, and every statement a client saw succeed is in the audit store exactly once.
/// Its own cluster, since it stops a silo.
/// </summary>
public sealed class GracefulStopTests : IAsyncLifetime
{
    private const string Office = "203.0.113.7";
    private const int Servers = 16;
    private const int Sessions = 600;

    private readonly string _store = Path.Combine(Path.GetTempPath(), "fleetsim-tests", $"audit-{Guid.NewGuid():N}.db");
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(_store)));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_statement_a_client_saw_succeed_is_stored_once_when_a_silo_stops_mid_run()
    {
        var grains = _cluster.Client;
        var fleet = With([.. Enumerable.Range(0, Servers).Select(i => Contoso(Rule("office", Office)) with
        {
            Name = $"stop-{i:00}",
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,GENERAL" },
        })]);
        var directory = grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        var provisioned = await directory.Provision(fleet).WaitAsync(TestContext.Current.CancellationToken);
        var connector = new FleetConnector(grains, new DirectoryCache(grains));

        // Stop the silo that does not hold the fleet directory: servers on it reactivate on the
        // survivor and take their configuration back from the directory.
        var directorySilo = (await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(directory, TestContext.Current.CancellationToken))!;
        var victim = _cluster.Silos.Single(s => !s.SiloAddress.Equals(directorySilo));

        var succeeded = new ConcurrentBag<string>();
        var failed = 0;
        var started = 0;
        async Task Worker()
        {
            for (var n = Interlocked.Increment(ref started); n <= Sessions; n = Interlocked.Increment(ref started))
            {
                var server = $"stop-{n % Servers:00}";
                var sql = $"SELECT * FROM shop.session_{n}";
                try
                {
                    var result = await connector.Connect(new ConnectRequest($"{server}.mariadb.database.azure.com", $"{Admin}@{server}", AdminPassword, TlsVersion.Tls1_2,
                        new SourceAddress(Office), Statements: [sql]), null, provisioned.Version);
                    if (result.Allowed && result.Statements![0].Succeeded)
                        succeeded.Add(sql);
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(Worker)).ToList();
        while (Volatile.Read(ref started) < Sessions / 3)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        await _cluster.StopSiloAsync(victim, TestContext.Current.CancellationToken);
        await Task.WhenAll(workers).WaitAsync(TestContext.Current.CancellationToken);

        var records = new List<Policy.Audit.AuditRecord>();
        await directory.FlushAudit();
        await using (var store = new AuditStore.SqliteAuditStore(_store))
            records.AddRange(await store.QueryAsync(new AuditStore.AuditQuery { Limit = int.MaxValue }, TestContext.Current.CancellationToken));
        var statements = records.Where(r => r.EventClass == Policy.Audit.AuditEventClass.general_log).Select(r => r.SqlText).ToList();

        Assert.True(succeeded.Count >= Sessions * 2 / 3, $"only {succeeded.Count} of {Sessions} sessions succeeded ({failed} failed)");
        Assert.Empty(succeeded.Except(statements));
        Assert.Equal(statements.Count, statements.Distinct().Count());
        Assert.True(records.Count(r => r.EventSubclass == Policy.Audit.AuditEventSubclass.CONNECT) >= succeeded.Count);
    }
}

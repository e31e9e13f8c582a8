using System.Text;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Spec;
using FleetSim.Storage.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using StackExchange.Redis;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Durable state with <c>StateStore = redis://...</c> (the Redis tests/run starts): a cluster stopped
/// and started again finds the fleet, the accounts and what threat detection learned, while Redis
/// holds none of it in clear; without its key file such a silo refuses to start.
/// </summary>
public sealed class RedisStateTests : IDisposable
{
    private const string Office = "203.0.113.7";

    private readonly string _folder = Directory.CreateTempSubdirectory("fleetsim-redis-state-").FullName;
    // A service of its own: Orleans' Redis storage prefixes every key with the ServiceId.
    private readonly string _serviceId = "fleetsim-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(Redis);

    private static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    private string KeyFile => Path.Combine(_folder, "service-keys.json");

    private string AuditStore => Path.Combine(_folder, "audit.db");

    private async Task<InProcessTestCluster> Start()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(o =>
        {
            o.AuditStore = AuditStore;
            o.StateStore = "redis://" + Redis;
            o.KeyFilePath = KeyFile;
        }));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task After_a_restart_on_Redis_the_fleet_and_run_time_accounts_are_as_they_were_and_stored_encrypted()
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

        var raw = Raw();
        Assert.Contains(raw.Keys, key => key.EndsWith($"/{Server}/server", StringComparison.Ordinal));
        var values = raw.Values.SelectMany(fields => fields.SelectMany(f => (byte[])f.Value!)).ToArray();
        foreach (var plaintext in new[] { Server, Admin, AdminPassword, "office-firewall-rule", "night_analyst", Office })
            Assert.False(Contains(values, Encoding.UTF8.GetBytes(plaintext)) || Contains(values, Encoding.Unicode.GetBytes(plaintext)), $"'{plaintext}' is stored in clear");

        var restarted = await Start();
        try
        {
            // The silo's own serializer reads the server's record: its password hashes are in there, and nowhere in clear.
            var serializer = restarted.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorageSerializer>(FleetSimSiloOptions.StateStorage);
            Assert.IsType<EncryptingGrainStorageSerializer>(serializer);
            var serverRecord = raw.Single(entry => entry.Key.EndsWith($"/{Server}/server", StringComparison.Ordinal)).Value;
            var server = serializer.Deserialize<ServerGrainState>(new BinaryData((byte[])serverRecord.Single(f => f.Name == "data").Value!))!;
            var passwords = server.Access!.Accounts.Select(a => a.Password).OfType<Policy.Admission.PasswordHash>().ToList();
            Assert.Contains(server.Access.Accounts, a => a.User == "night_analyst");
            Assert.NotEmpty(passwords);
            foreach (var password in passwords)
            {
                Assert.False(Contains(values, password.Bytes.ToArray()), "a password hash is stored in clear");
                Assert.False(Contains(values, System.Text.Encoding.UTF8.GetBytes(password.Text)), "a password hash is stored in clear");
            }

            connector = new FleetConnector(restarted.Client, new DirectoryCache(restarted.Client));
            var analyst = await connector.Connect(Login(Office, user: "night_analyst@contoso", password: "Insight#2026") with { At = start.AddDays(8) }, null, provisioned.Version);
            Assert.Equal(("Allowed", "office-firewall-rule"), (analyst.Reason, analyst.Rule));
            // The learning period started before the restart: a user unseen in it is an anomaly now.
            var alert = Assert.Single(await AuditStoreReader.Alerts(restarted.Client, AuditStore, Server));
            Assert.Equal(("SQL.MariaDB_PrincipalAnomaly", "night_analyst"), (alert.AlertType, alert.User));
            var stranger = await connector.Connect(Login("192.0.2.1"), null, provisioned.Version);
            Assert.Equal("FirewallDenied", stranger.Reason);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_its_key_file_a_silo_refuses_to_start_on_existing_Redis_state()
    {
        await using (var cluster = await Start())
            await cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).Provision(With(Contoso(Rule("office-firewall-rule", Office))));
        File.Move(KeyFile, KeyFile + ".lost");

        var error = await Assert.ThrowsAnyAsync<Exception>(Start);

        Assert.Contains(nameof(ServiceKeyUnavailableException), error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    private Dictionary<string, HashEntry[]> Raw() =>
        _redis.GetServers().SelectMany(s => s.Keys(pattern: $"{_serviceId}/*"))
            .ToDictionary(key => (string)key!, key => _redis.GetDatabase().HashGetAll(key));

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public void Dispose()
    {
        foreach (var key in Raw().Keys)
            _redis.GetDatabase().KeyDelete(key);
        _redis.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A silo still closing its audit store; the temp folder is cleaned by the OS.
        }
    }
}

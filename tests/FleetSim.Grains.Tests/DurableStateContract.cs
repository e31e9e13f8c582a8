using System.Text;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Storage;
using FleetSim.Storage.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Durable grain state, whatever the state store: a cluster stopped and started again finds the
/// fleet, the accounts and what threat detection learned, while the store holds none of it in
/// clear; without its key file such a silo refuses to start. Run against each backend by the
/// small classes below it (SQLite, Redis).
/// </summary>
public abstract class DurableStateContract : IDisposable
{
    private const string Office = "203.0.113.7";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("fleetsim-durable-state-").FullName;

    // A service of its own: a Redis store prefixes every key with the ServiceId.
    protected string ServiceId { get; } = "fleetsim-test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The FleetSim:StateStore the silos are given.</summary>
    protected abstract string StateStore { get; }

    /// <summary>Every byte the backend holds for this service that a reader of the store could see.</summary>
    protected abstract byte[] RawBytes();

    /// <summary>
    /// What must appear nowhere in <see cref="RawBytes"/>. A SQLite file keeps grain ids in a key
    /// column (the server's name, in clear by design), so only the Redis backend, whose bytes are
    /// the stored values alone, adds the server's name.
    /// </summary>
    protected virtual IEnumerable<string> Plaintexts => [Admin, AdminPassword, "office-firewall-rule", "night_analyst", Office];

    private string KeyFile => Path.Combine(Folder, "service-keys.json");

    private string AuditStore => Path.Combine(Folder, "audit.db");

    private async Task<InProcessTestCluster> Start()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(AuditStore, StateStore, KeyFile)));
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

        var raw = RawBytes();
        foreach (var plaintext in Plaintexts)
            Assert.False(Contains(raw, Encoding.UTF8.GetBytes(plaintext)) || Contains(raw, Encoding.Unicode.GetBytes(plaintext)), $"'{plaintext}' is stored in clear");
        byte[] serverRecord;
        using (var store = StateStores.Open(StateStore, ServiceId))
            serverRecord = store.ReadAll().Single(r => r.StateName == "server" && r.GrainId.EndsWith($"/{Server}", StringComparison.Ordinal)).Payload;

        var restarted = await Start();
        try
        {
            // The silo's own serializer reads the server's record: its password hashes are in there, and nowhere in clear.
            var serializer = restarted.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorageSerializer>(FleetSimSiloOptions.StateStorage);
            Assert.IsType<EncryptingGrainStorageSerializer>(serializer);
            var server = serializer.Deserialize<ServerGrainState>(new BinaryData(serverRecord))!;
            var passwords = server.Access!.Accounts.Select(a => a.Password).OfType<Policy.Admission.PasswordHash>().ToList();
            Assert.Contains(server.Access.Accounts, a => a.User == "night_analyst");
            Assert.NotEmpty(passwords);
            foreach (var password in passwords)
            {
                Assert.False(Contains(raw, password.Bytes.ToArray()), "a password hash is stored in clear");
                Assert.False(Contains(raw, Encoding.UTF8.GetBytes(password.Text)), "a password hash is stored in clear");
            }

            connector = new FleetConnector(restarted.Client, new DirectoryCache(restarted.Client));
            var analyst = await connector.Connect(Login(Office, user: "night_analyst@contoso", password: "Insight#2026") with { At = start.AddDays(8) }, null, provisioned.Version);
            Assert.Equal((ConnectionReason.Allowed, "office-firewall-rule"), (analyst.Reason, analyst.Rule));
            // The learning period started before the restart: a user unseen in it is an anomaly now.
            var alert = Assert.Single(await AuditStoreReader.Alerts(restarted.Client, AuditStore, Server));
            Assert.Equal(("SQL.MariaDB_PrincipalAnomaly", "night_analyst"), (alert.AlertType, alert.User));
            var stranger = await connector.Connect(Login("192.0.2.1"), null, provisioned.Version);
            Assert.Equal(ConnectionReason.FirewallDenied, stranger.Reason);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_its_key_file_a_silo_refuses_to_start_on_existing_state()
    {
        await using (var cluster = await Start())
            await cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).Provision(With(Contoso(Rule("office-firewall-rule", Office))));
        File.Move(KeyFile, KeyFile + ".lost");

        var error = await Assert.ThrowsAnyAsync<Exception>(Start);

        Assert.Contains(nameof(ServiceKeyUnavailableException), error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    protected static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public virtual void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A silo still closing its audit store; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }
}

using FleetSim.Hosting.Processes;

namespace FleetSim.Cli.Tests;

/// <summary>
/// Silo processes on loopback forming one cluster through the Redis that tests/run starts, with
/// their grain state and audit log on that Redis too (state encrypted, one service key for all, as
/// docker-compose.yml runs them), and the silo.json a client needs to find it. Each cluster is a service of its own
/// (fresh cluster and service ids), so runs sharing one Redis never see each other's state.
/// </summary>
public sealed class RedisTestCluster : IAsyncDisposable
{
    private RedisTestCluster(string folder, string clusterId, List<LocalSiloProcess> silos, string clientConfiguration)
    {
        Folder = folder;
        ClusterId = clusterId;
        Silos = silos;
        ClientConfiguration = clientConfiguration;
    }

    public static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    /// <summary>Where the silos run (their working folder; they keep nothing there).</summary>
    public string Folder { get; }

    public string ClusterId { get; }

    public IReadOnlyList<LocalSiloProcess> Silos { get; }

    /// <summary>A silo.json for `fleetsim --cluster`: Redis clustering, so the client finds every silo.</summary>
    public string ClientConfiguration { get; }

    /// <summary>The audit store every silo writes to: streams on the same Redis, under a prefix of this cluster's.</summary>
    public string AuditStore => new RedisClusterSettings(Redis, ClusterId).AuditStore;

    /// <param name="silos">How many silo processes.</param>
    /// <param name="settings">More silo settings as environment variables (e.g. FleetSim__AuditDurability).</param>
    public static async Task<RedisTestCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-redis-cluster-").FullName;
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var cluster = new RedisClusterSettings(Redis, clusterId);
        var environment = cluster.ForSilos();
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            environment[name] = value;
        var started = new List<LocalSiloProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
                started.Add(await SiloProcess.StartAsync(folder, environment: environment));
        }
        catch
        {
            foreach (var silo in started)
                await silo.DisposeAsync();
            throw;
        }
        var client = await cluster.WriteClientConfigurationAsync(folder);
        return new RedisTestCluster(folder, clusterId, started, client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
            await silo.DisposeAsync();
    }
}

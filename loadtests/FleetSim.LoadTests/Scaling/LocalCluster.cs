using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using FleetSim.Hosting;
using FleetSim.Hosting.Processes;
using Orleans.Runtime;

namespace FleetSim.LoadTests.Scaling;

/// <summary>
/// Silo processes on loopback forming one cluster through Redis, under cluster and service ids of
/// their own, with grain state and the audit log on that Redis as a multi-machine cluster keeps
/// them (docker-compose.yml), and a client that reads every silo's gateway from the membership
/// table, so that the load spreads over all of them.
/// </summary>
public sealed class LocalCluster : IFleetHost
{
    private static readonly TimeSpan FormationPatience = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<LocalSiloProcess> _silos;
    private readonly RemoteCluster _client;

    private readonly string _redis;
    private readonly string _clusterId;

    private LocalCluster(IReadOnlyList<LocalSiloProcess> silos, RemoteCluster client, string redis, string clusterId) =>
        (_silos, _client, _redis, _clusterId) = (silos, client, redis, clusterId);

    public IGrainFactory Grains => _client.Grains;

    public FleetConnector Connector => _client.Connector;

    public DirectoryCache DirectoryCache => _client.DirectoryCache;

    public string? AuditStore => _client.AuditStore;

    /// <exception cref="InvalidOperationException">A silo exited while starting, or the cluster did not form.</exception>
    /// <exception cref="ClusterUnreachableException">The client found no silo.</exception>
    public static async Task<LocalCluster> StartAsync(int siloProcesses, string redis, string siloBuild, string folder, CancellationToken cancellationToken)
    {
        var clusterId = "scaling-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new RedisClusterSettings(redis, clusterId);
        var environment = settings.ForSilos();
        var silos = new List<LocalSiloProcess>();
        RemoteCluster? client = null;
        try
        {
            // The first silo finds or makes the service's state; the others then start together.
            silos.Add(await LocalSiloProcess.StartAsync(siloBuild, folder, environment: environment, cancellationToken: cancellationToken));
            silos.AddRange(await Task.WhenAll(Enumerable.Range(1, siloProcesses - 1)
                .Select(_ => LocalSiloProcess.StartAsync(siloBuild, folder, environment: environment, cancellationToken: cancellationToken))));
            var configuration = await settings.WriteClientConfigurationAsync(folder, cancellationToken);
            // A client hands each grain's calls to a gateway it knew when it first called that
            // grain, so the measuring client connects only once every silo is active: a probe
            // client waits for that.
            await using (var probe = await RemoteCluster.ConnectWithConfigurationAsync(configuration, cancellationToken))
                await WaitUntilActive(probe.Grains, siloProcesses, cancellationToken);
            client = await RemoteCluster.ConnectWithConfigurationAsync(configuration, cancellationToken);
            return new LocalCluster(silos, client, redis, clusterId);
        }
        catch
        {
            if (client is not null)
                await client.DisposeAsync();
            foreach (var silo in silos)
                await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// How many silos the client's calls entered the cluster through: the regional gateway grains
    /// are stateless workers activated on the silo that takes the call.
    /// </summary>
    public async Task<int> EntrySilosAsync()
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        // Grain types read "namespace.class,assembly".
        var gateway = typeof(FleetSim.Grains.Gateways.GatewayGrain).FullName + ",";
        return statistics.Where(s => s.GrainType.StartsWith(gateway, StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
    }

    /// <summary>
    /// The client first, while its silos still answer; then the silos, killed; then what they kept
    /// in Redis (state under the service id, the audit log under its prefix): a measurement leaves
    /// nothing behind in the user's Redis.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis);
        var database = redis.GetDatabase();
        foreach (var server in redis.GetServers())
        {
            foreach (var pattern in new[] { $"{_clusterId}/*", $"{_clusterId}:audit:*" })
            {
                await foreach (var key in server.KeysAsync(pattern: pattern))
                    await database.KeyDeleteAsync(key);
            }
        }
    }

    /// <summary>A measurement on a cluster still forming would count a smaller cluster than its row says.</summary>
    private static async Task WaitUntilActive(IGrainFactory grains, int silos, CancellationToken cancellationToken)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + FormationPatience;
        int active;
        while ((active = (await management.GetHosts(onlyActive: true, cancellationToken)).Count) < silos)
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"only {active} of {silos} silos were active after {FormationPatience.TotalSeconds:0} s");
            await Task.Delay(250, cancellationToken);
        }
    }
}

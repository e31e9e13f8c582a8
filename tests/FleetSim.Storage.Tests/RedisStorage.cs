using FleetSim.Storage.Encryption;
using FleetSim.Storage.Redis;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace FleetSim.Storage.Tests;

/// <summary>
/// The Redis state of one test: a ServiceId of its own (so its keys never meet another test's on the
/// shared Redis that tests/run starts), a key file in a folder of its own, and ways to look at both.
/// </summary>
public sealed class RedisStorage : IDisposable
{
    private readonly StorageFiles _files = new();
    private readonly ConnectionMultiplexer _redis;
    private readonly HashSet<string> _services = [];

    public RedisStorage()
    {
        Configuration = ConfigurationOptions.Parse(Server);
        _redis = ConnectionMultiplexer.Connect(Configuration.Clone());
    }

    /// <summary>The Redis server tests/run started, as host:port.</summary>
    public static string Server => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    public ConfigurationOptions Configuration { get; }

    public string ServiceId { get; } = "fleetsim-test-" + Guid.NewGuid().ToString("N")[..12];

    public string KeyFile => _files.KeyFile;

    public StateEncryptionOptions Encryption => _files.Encryption;

    /// <summary>A one-silo cluster of this test's service, its state in Redis, encrypted with the test's key file.</summary>
    public Task<InProcessTestCluster> StartCluster() => StartCluster(ServiceId);

    public async Task<InProcessTestCluster> StartCluster(string serviceId)
    {
        _services.Add(serviceId);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddEncryptedRedisGrainStorage(StorageFiles.ProviderName, Configuration,
            e => (e.KeyFilePath, e.EnvironmentVariable) = (KeyFile, StorageFiles.UnsetVariable)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The store key rotation works on, as <c>fleetsim keys rotate</c> opens it.</summary>
    public RedisStateStore Store() => new(Configuration, ServiceId);

    /// <summary>Every key of the service and its hash fields, exactly as Redis holds them.</summary>
    public IReadOnlyList<(string Key, HashEntry[] Fields)> Raw() => Raw(ServiceId);

    private IReadOnlyList<(string Key, HashEntry[] Fields)> Raw(string serviceId) =>
        [.. _redis.GetServers().SelectMany(s => s.Keys(pattern: $"{serviceId}/*")).Select(key => ((string)key!, _redis.GetDatabase().HashGetAll(key)))];

    /// <summary>The bytes of every hash field value of the service (the key names left out).</summary>
    public byte[] RawValues() => [.. Raw().SelectMany(k => k.Fields).SelectMany(f => (byte[])f.Value!)];

    public void Dispose()
    {
        foreach (var (key, _) in _services.SelectMany(Raw))
            _redis.GetDatabase().KeyDelete(key);
        _redis.Dispose();
        _files.Dispose();
    }
}

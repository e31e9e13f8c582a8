using FleetSim.AuditStore.Redis;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Tests;

/// <summary>
/// The Redis server tests/run starts (FLEETSIM_TEST_REDIS=host:port). Every store gets a fresh key
/// prefix, so tests and runs never see each other's keys; the keys go when the test does.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private readonly string _run = $"fleetsim-test:{Guid.NewGuid():N}:";
    private int _stores;
    private ConnectionMultiplexer? _admin;

    public static string Endpoint => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    /// <summary>A redis:// location for a new, empty store.</summary>
    public string NewLocation() => $"redis://{Endpoint},prefix={_run}{Interlocked.Increment(ref _stores)}:";

    public RedisAuditStore Open(int pageSize = 1000) => RedisAuditStore.Open(NewLocation(), pageSize);

    /// <summary>A plain connection, to look at or tamper with the store's keys.</summary>
    public IDatabase Database => Admin.GetDatabase();

    private ConnectionMultiplexer Admin => _admin ??= ConnectionMultiplexer.Connect(Endpoint);

    public async ValueTask DisposeAsync()
    {
        if (_stores > 0)
        {
            var keys = new List<RedisKey>();
            await foreach (var key in Admin.GetServers()[0].KeysAsync(pattern: _run + "*", pageSize: 1000))
                keys.Add(key);
            foreach (var chunk in keys.Chunk(1000))
                await Admin.GetDatabase().KeyDeleteAsync(chunk);
        }
        if (_admin is not null)
            await _admin.DisposeAsync();
    }
}

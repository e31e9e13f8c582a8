using StackExchange.Redis;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>The durable state contract with <c>StateStore = redis://...</c>, on the Redis tests/run starts (FLEETSIM_TEST_REDIS).</summary>
public sealed class RedisDurableStateTests : DurableStateContract
{
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(Redis);

    private static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    protected override string StateStore => "redis://" + Redis;

    protected override IEnumerable<string> Plaintexts => base.Plaintexts.Append(Server);

    // Every hash field value under the service's keys (the key names, which hold grain ids, left out).
    protected override byte[] RawBytes() => [.. Keys().SelectMany(key => _redis.GetDatabase().HashGetAll(key)).SelectMany(field => (byte[])field.Value!)];

    private IEnumerable<RedisKey> Keys() => _redis.GetServers().SelectMany(s => s.Keys(pattern: $"{ServiceId}/*"));

    public override void Dispose()
    {
        foreach (var key in Keys())
            _redis.GetDatabase().KeyDelete(key);
        _redis.Dispose();
        base.Dispose();
    }
}

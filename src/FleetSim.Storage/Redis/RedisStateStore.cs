using StackExchange.Redis;

namespace FleetSim.Storage.Redis;

/// <summary>
/// The states one Orleans service keeps in Redis through Orleans' Redis grain storage (see
/// <see cref="RedisStateLayout"/>), for key rotation and inspection: every read and write of a grain
/// goes through the provider itself.
/// </summary>
public sealed class RedisStateStore : IStateStore
{
    // Re-wraps the data only while the record is the one that was read: a grain that wrote in the
    // meantime wins, and the ETag stays, so the provider's ETag check never sees a rotation.
    private const string RewrapScript = """
        if redis.call('HGET', KEYS[1], 'etag') == ARGV[1] and redis.call('HGET', KEYS[1], 'data') == ARGV[2] then
          redis.call('HSET', KEYS[1], 'data', ARGV[3])
          return 1
        end
        return 0
        """;

    // A grain that keeps writing between a read and the re-wrap is retried this often; it writes
    // with the new key meanwhile, so a second read nearly always finds nothing left to do.
    private const int RewrapAttempts = 8;

    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _database;
    private readonly int _databaseNumber;
    private readonly string _serviceId;

    /// <param name="configuration">The Redis server, as the silos' state store names it.</param>
    /// <param name="serviceId">The Orleans ServiceId whose states to read (its key prefix).</param>
    public RedisStateStore(ConfigurationOptions configuration, string serviceId)
    {
        _serviceId = serviceId;
        var connect = configuration.Clone();
        // Fail rather than find nothing: "no state" from a Redis that did not answer would let a
        // silo create a new key file over existing state.
        connect.AbortOnConnectFail = true;
        _connection = ConnectionMultiplexer.Connect(connect);
        _databaseNumber = configuration.DefaultDatabase ?? 0;
        _database = _connection.GetDatabase(_databaseNumber);
        Location = $"{RedisStateLocation.Describe(configuration)} (service '{serviceId}')";
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Whether the Redis server holds at least one state of the service; writes nothing.</summary>
    /// <exception cref="RedisConnectionException">Redis did not answer (whatever abortConnect says).</exception>
    public static bool HoldsState(ConfigurationOptions configuration, string serviceId)
    {
        using var store = new RedisStateStore(configuration, serviceId);
        return store.Keys().Any();
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredState> ReadAll() =>
        [.. Keys().Select(Read).OfType<StoredState>().OrderBy(s => s.StateName, StringComparer.Ordinal).ThenBy(s => s.GrainId, StringComparer.Ordinal)];

    /// <inheritdoc />
    /// <remarks>Key by key, each re-wrap one script that compares ETag and data with what was read.</remarks>
    public int Rewrap(Func<byte[], byte[]?> rewrite)
    {
        var rewritten = 0;
        foreach (var key in Keys())
        {
            for (var attempt = 0; attempt < RewrapAttempts; attempt++)
            {
                if (Read(key) is not { } stored || rewrite(stored.Payload) is not { } payload)
                    break;
                var done = (int)_database.ScriptEvaluate(RewrapScript, [key], [stored.ETag, stored.Payload, payload]);
                if (done == 1)
                {
                    rewritten++;
                    break;
                }
            }
        }
        return rewritten;
    }

    private StoredState? Read(RedisKey key) => RedisStateLayout.Read(_serviceId, key, _database.HashGetAll(key));

    // SCAN on every primary (several in a Redis cluster): KEYS would block the server.
    private IEnumerable<RedisKey> Keys() =>
        _connection.GetServers()
            .Where(server => !server.IsReplica)
            .SelectMany(server => server.Keys(_databaseNumber, RedisStateLayout.Pattern(_serviceId), pageSize: 256));

    public void Dispose() => _connection.Dispose();
}

using System.Runtime.CompilerServices;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>
/// The audit store of a cluster whose silos run on several machines: one Redis server, shared.
/// Each log is a set of streams, one per hour of event time; each batch is one Lua script, stored
/// whole or not at all; counts for stats are kept beside the streams by the same script. Queries
/// answer exactly as <see cref="SqliteAuditStore"/> does. A batch is durable when AppendAsync
/// returns as far as Redis's own persistence makes it so (appendonly yes, appendfsync always).
/// </summary>
public sealed class RedisAuditStore : IAuditStore
{
    private readonly ConnectionMultiplexer _redis;
    private readonly IDatabase _database;
    private readonly RedisKeys _keys;
    private readonly StreamScan _scan;

    private RedisAuditStore(ConnectionMultiplexer redis, RedisLocation location, int pageSize)
    {
        _redis = redis;
        _database = redis.GetDatabase();
        _keys = new RedisKeys(location.Prefix);
        _scan = new StreamScan(_database, _keys, pageSize);
        Location = location.Display;
    }

    /// <summary>The location, without its password.</summary>
    public string Location { get; }

    public string Prefix => _keys.Prefix;

    /// <param name="location">redis://host:port[,StackExchange.Redis options][,prefix=KEY-PREFIX]</param>
    /// <exception cref="AuditStoreLocationException">The location is malformed, or the server is older than Redis 7.</exception>
    /// <exception cref="AuditStoreUnreachableException">No Redis answered there.</exception>
    public static RedisAuditStore Open(string location) => Open(location, StreamScan.DefaultPageSize);

    /// <param name="location">As for <see cref="Open(string)"/>.</param>
    /// <param name="pageSize">Entries per XRANGE: tests make it small to page through small logs.</param>
    internal static RedisAuditStore Open(string location, int pageSize)
    {
        var parsed = RedisLocation.Parse(location);
        ConnectionMultiplexer redis;
        try
        {
            redis = ConnectionMultiplexer.Connect(parsed.Options);
        }
        catch (RedisConnectionException e)
        {
            throw Unreachable(parsed.Display, e);
        }
        // XADD with "ms-*" ids and "#!lua" scripts came with Redis 7.
        var old = redis.GetServers().FirstOrDefault(s => s.IsConnected && s.Version < new Version(7, 0));
        if (old is not null)
        {
            redis.Dispose();
            throw new AuditStoreLocationException($"audit store {parsed.Display}: Redis {old.Version} is too old; the audit store needs Redis 7.0 or newer");
        }
        return new RedisAuditStore(redis, parsed, pageSize);
    }

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, IReadOnlyList<GatewayLogRecord> gatewayDecisions,
        IReadOnlyList<SecurityAlert> alerts, CancellationToken cancellationToken = default)
    {
        if (records.Count + gatewayDecisions.Count + alerts.Count == 0)
            return;
        var batch = AppendBatch.Encode(_keys, records, gatewayDecisions, alerts);
        cancellationToken.ThrowIfCancellationRequested();
        // Not abandoned once sent: the caller must learn whether the batch was stored.
        await Guard(() => _database.ScriptEvaluateAsync(AppendScript.Text, batch.Keys, batch.Values));
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var events = EventCategories.Named(query.Event);
        return await Guard(() => _scan.ReadAsync<AuditRecord>(StreamKind.Records, TimeWindow.Of(query), query.Limit, entry =>
        {
            var row = StoredJson.ReadRecord(entry.Values[0].Value);
            return RowFilters.Matches(row, query, events) ? new Found<AuditRecord>(row.Time, row.ToRecord()) : null;
        }, cancellationToken));
    }

    public Task<IReadOnlyList<GatewayLogRecord>> QueryGatewayAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        Guard(() => _scan.ReadAsync<GatewayLogRecord>(StreamKind.Decisions, TimeWindow.Of(query), query.Limit, entry =>
        {
            var row = StoredJson.ReadDecision(entry.Values[0].Value);
            return RowFilters.Matches(row, query) ? new Found<GatewayLogRecord>(row.Time, row.ToRecord()) : null;
        }, cancellationToken));

    public async IAsyncEnumerable<LoggedDecision> ReplayGatewayAsync(DateTimeOffset? since, DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = new TimeWindow(since?.ToUnixTimeMilliseconds(), until?.ToUnixTimeMilliseconds());
        var entries = await Guard(() => _scan.ReadAsync<LoggedDecision>(StreamKind.Decisions, window, limit: -1, entry =>
        {
            var row = StoredJson.ReadDecision(entry.Values[0].Value);
            return new Found<LoggedDecision>(row.Time, new LoggedDecision((string)entry.Id!, row.ToRecord()));
        }, cancellationToken));
        foreach (var entry in entries)
            yield return ReplayGuard.Check(Location, entry);
    }

    public Task<IReadOnlyList<SecurityAlert>> AlertsAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        Guard(() => _scan.ReadAsync<SecurityAlert>(StreamKind.Alerts, TimeWindow.Of(query), query.Limit, entry =>
        {
            var row = StoredJson.ReadAlert(entry.Values[0].Value);
            return RowFilters.Matches(row, query) ? new Found<SecurityAlert>(row.Time, row.ToRecord()) : null;
        }, cancellationToken));

    public Task<AuditStats> StatsAsync(CancellationToken cancellationToken = default) =>
        Guard(async () =>
        {
            // One transaction: all counts as of one moment, no append between them.
            var transaction = _database.CreateTransaction();
            var reads = Counts.Dimensions.Select(d => transaction.HashGetAllAsync(_keys.Counts(d.Kind, d.Dimension))).ToList();
            await transaction.ExecuteAsync();
            return Counts.Stats(await Task.WhenAll(reads));
        });

    public async ValueTask DisposeAsync()
    {
        await _redis.CloseAsync();
        _redis.Dispose();
    }

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RedisConnectionException e)
        {
            throw Unreachable(Location, e);
        }
        catch (RedisTimeoutException e)
        {
            throw new AuditStoreUnreachableException($"audit store {Location}: Redis did not answer in time", e);
        }
    }

    private static AuditStoreUnreachableException Unreachable(string location, RedisConnectionException e) =>
        new($"audit store {location}: no Redis answered there ({e.FailureType})", e);
}

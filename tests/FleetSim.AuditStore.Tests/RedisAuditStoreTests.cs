using FleetSim.AuditStore.Redis;
using StackExchange.Redis;
using static FleetSim.AuditStore.Tests.Rows;

namespace FleetSim.AuditStore.Tests;

/// <summary>The contract on the Redis store, each test under a fresh key prefix; and what only Redis can get wrong.</summary>
public sealed class RedisAuditStoreTests : AuditStoreContract, IAsyncDisposable
{
    private readonly TestRedis _redis = new();

    protected override IAuditStore Open() => _redis.Open();

    public ValueTask DisposeAsync() => _redis.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_whose_script_would_fail_half_way_writes_nothing()
    {
        await using var store = _redis.Open();
        await store.AppendAsync([Connect("kept", At(1))], [], [], Cancel);
        var before = await store.StatsAsync(Cancel);
        // Something else wrote a string where the batch's second hour's stream goes: the script
        // must find out before it writes the first hour's entries, not after.
        var later = At(3600 * 2);
        await _redis.Database.StringSetAsync($"{store.Prefix}records:{RedisKeys.PartitionOf(later.ToUnixTimeMilliseconds())}", "not a stream");

        var error = await Assert.ThrowsAsync<RedisServerException>(() =>
            store.AppendAsync([Connect("lost", At(2)), Connect("lost", later)], [Decision("lost", At(2))], [], Cancel));

        Assert.Contains("WRONGTYPE", error.Message, StringComparison.Ordinal);
        Assert.Equal(["kept"], (await store.QueryAsync(new AuditQuery(), Cancel)).Select(r => r.Server));
        Assert.Empty(await store.QueryGatewayAsync(new AuditQuery(), Cancel));
        AssertSameStats(before, await store.StatsAsync(Cancel));
    }

    [Fact]
    public async Task Stores_under_different_prefixes_share_a_redis_without_seeing_each_other()
    {
        await using var first = _redis.Open();
        await using var second = _redis.Open();
        await first.AppendAsync([Connect("first", At(1))], [], [], Cancel);
        await second.AppendAsync([Connect("second", At(1))], [], [], Cancel);

        Assert.Equal(["first"], (await first.QueryAsync(new AuditQuery(), Cancel)).Select(r => r.Server));
        Assert.Equal(1, (await second.StatsAsync(Cancel)).AuditRecords);
    }

    [Fact]
    public async Task Every_key_is_under_the_prefix()
    {
        await using var store = _redis.Open();
        await store.AppendAsync([Connect("a", At(1)), Connect("a", At(-86_400))], [Decision(null, At(1))], [Alert("a", At(1))], Cancel);

        var server = _redis.Database.Multiplexer.GetServers()[0];
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: store.Prefix + "*"))
            keys.Add(((string)key!)[store.Prefix.Length..]);
        keys.Sort(StringComparer.Ordinal);
        var hours = new[] { RedisKeys.PartitionOf(At(-86_400).ToUnixTimeMilliseconds()), RedisKeys.PartitionOf(At(1).ToUnixTimeMilliseconds()) };
        Assert.Equal(
            [
                $"alerts:{hours[1]}", "alerts:bounds", "alerts:count:alert",
                $"decisions:{hours[1]}", "decisions:bounds", "decisions:count:gateway", "decisions:count:reason", "decisions:count:server",
                $"records:{hours[0]}", $"records:{hours[1]}", "records:bounds", "records:count:event", "records:count:server",
            ],
            keys);
    }

    [Fact]
    public void The_default_prefix_is_fleetsim_audit()
    {
        Assert.Equal("fleetsim:audit:", RedisLocation.Parse($"redis://{TestRedis.Endpoint}").Prefix);
        Assert.Equal("a:{b}:", RedisLocation.Parse($"redis://{TestRedis.Endpoint},prefix=a:{{b}}:").Prefix);
    }

    [Fact]
    public void An_unreachable_redis_is_reported_with_its_location_and_without_its_password()
    {
        var error = Assert.Throws<AuditStoreUnreachableException>(() => AuditStores.Open("redis://127.0.0.1:1,password=s3cret,prefix=x:"));

        Assert.StartsWith("audit store redis://127.0.0.1:1,password=*****,prefix=x:: no Redis answered there", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6379,password=s3cret,prefix=x:", "redis://127.0.0.1:6379,password=*****,prefix=x:")]
    [InlineData("redis://127.0.0.1:6379", "redis://127.0.0.1:6379")]
    [InlineData("data/audit.db", "data/audit.db")]
    public void A_location_is_shown_with_its_password_masked(string location, string shown) =>
        Assert.Equal(shown, AuditStores.Display(location));

    [Theory]
    [InlineData("redis://", "no host:port")]
    [InlineData("redis://127.0.0.1:6379,prefix=", "prefix= is empty")]
    [InlineData("redis://127.0.0.1:6379,colour=blue", "colour")]
    public void A_malformed_location_is_reported_as_such(string location, string problem)
    {
        var error = Assert.Throws<AuditStoreLocationException>(() => AuditStores.Open(location));

        Assert.StartsWith($"audit store {location}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_reads_a_snapshot_and_never_part_of_a_batch_appended_meanwhile()
    {
        await using var store = _redis.Open();
        await store.AppendAsync([.. Enumerable.Range(0, 3000).Select(i => Connect("a", At(i % 10)))], [], [], Cancel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var writer = Task.Run(async () =>
        {
            for (var batch = 0; batch < 300 && !stop.IsCancellationRequested; batch++)
                await store.AppendAsync([.. Enumerable.Range(0, 100).Select(i => Connect("a", At(5 + i % 3600 * 37), connection: 1000 + batch))], [], [], CancellationToken.None);
        }, CancellationToken.None);
        try
        {
            for (var read = 0; read < 10; read++)
            {
                // Each batch spans two hours, so two streams: a query sees both parts or neither.
                var records = await store.QueryAsync(new AuditQuery { Limit = -1 }, Cancel);
                Assert.Equal(3000, records.Count(r => r.ConnectionId == 1));
                Assert.All(records.Where(r => r.ConnectionId >= 1000).GroupBy(r => r.ConnectionId), g => Assert.Equal(100, g.Count()));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writer;
        }
    }
}

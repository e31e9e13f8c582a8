using StackExchange.Redis;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// `--store redis://...` end to end: a check writes its audit trail to the Redis server tests/run
/// starts, and every reading verb prints what it prints for the same check kept in SQLite.
/// </summary>
public sealed class RedisAuditStoreCommandTests : IAsyncDisposable
{
    private readonly string _prefix = $"fleetsim-cli-test:{Guid.NewGuid():N}:";

    private static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    [Theory]
    [InlineData("fleet.json", "audit-trail.jsonl")]
    [InlineData("threats-fleet.json", "threats.jsonl")]
    public async Task A_check_kept_in_redis_reads_back_as_the_same_check_kept_in_sqlite(string fleet, string attempts)
    {
        var redis = $"redis://{Redis},prefix={_prefix}{attempts}:";
        var sqlite = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-redis-cli-").FullName, "audit.db");
        var intoRedis = await RunAsync("check", Sample(fleet), Sample(attempts), "--store", redis);
        var intoSqlite = await RunAsync("check", Sample(fleet), Sample(attempts), "--store", sqlite);
        Assert.Equal((0, 0), (intoRedis.ExitCode, intoSqlite.ExitCode));
        // Alerts are printed after the decisions, read back from the store.
        Assert.Equal(intoSqlite.Lines, intoRedis.Lines);

        string[][] reads =
        [
            ["audit", "query", "--format", "jsonl"],
            ["audit", "query", "--format", "jsonl", "--event", "GENERAL", "--limit", "5"],
            ["audit", "query", "--format", "csv", "--since", "2026-11-28T09:07:00Z", "--user", "analyst"],
            ["audit", "query", "--log", "gateway", "--format", "csv"],
            ["audit", "stats"],
            ["alerts", "--format", "jsonl"],
            ["alerts", "--severity", "High", "--limit", "2"],
        ];
        foreach (var read in reads)
        {
            var fromRedis = await RunAsync([.. read, "--store", redis]);
            var fromSqlite = await RunAsync([.. read, "--store", sqlite]);
            Assert.Equal(0, fromRedis.ExitCode);
            Assert.Equal(fromSqlite.Stdout, fromRedis.Stdout);
        }
    }

    [Fact]
    public async Task A_redis_store_that_does_not_answer_exits_3_naming_it()
    {
        var run = await RunAsync("audit", "stats", "--store", "redis://127.0.0.1:1,password=s3cret");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("error: audit store redis://127.0.0.1:1,password=*****: no Redis answered there (UnableToConnect)", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_malformed_redis_location_exits_2_naming_it()
    {
        var run = await RunAsync("alerts", "--store", "redis://127.0.0.1:6379,colour=blue");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: audit store redis://127.0.0.1:6379,colour=blue: ", run.Stderr, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS") is null)
            return;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: _prefix + "*"))
            await redis.GetDatabase().KeyDeleteAsync(key);
    }
}

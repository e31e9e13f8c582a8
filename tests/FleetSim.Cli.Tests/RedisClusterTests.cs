using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// Three silo processes on loopback forming one cluster through Redis (started by tests/run);
/// one is killed with SIGKILL, and after a bounded burst of failures the cluster decides every
/// attempt as before, its servers reactivated on the survivors with their durable configuration.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class RedisClusterTests
{
    [Fact]
    public async Task A_silo_killed_mid_service_costs_a_bounded_burst_of_failures_then_every_decision_is_as_before()
    {
        await using var cluster = await RedisTestCluster.StartAsync(3);
        var expected = File.ReadAllLines(Sample("attempts.expected.jsonl"));
        Assert.Equal(0, (await RunAsync("fleet", "apply", Sample("fleet.json"), "--cluster", cluster.ClientConfiguration)).ExitCode);
        var before = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", cluster.ClientConfiguration, "--keep-fleet");
        Assert.Equal(expected, before.Lines);

        await cluster.Silos[1].KillAsync();
        var failures = 0;
        string[] after = [];
        for (var attempt = 0; attempt < 30 && !after.SequenceEqual(expected); attempt++)
        {
            var run = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", cluster.ClientConfiguration, "--keep-fleet");
            after = run.Lines;
            if (!after.SequenceEqual(expected))
            {
                failures++;
                await Task.Delay(2000, TestContext.Current.CancellationToken);
            }
        }
        Assert.Equal(expected, after);
        Assert.InRange(failures, 0, 29);
    }
}

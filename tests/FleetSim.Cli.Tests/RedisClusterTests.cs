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
    /// <summary>
    /// How many checks, two seconds apart (and a few seconds each), the cluster gets to decide as
    /// before: minutes, well beyond what Orleans' membership needs to declare a silo dead (a few
    /// missed probes) and reactivate its grains on the survivors. That detection is what bounds the
    /// burst; this budget only keeps a recovery that never comes from hanging the suite.
    /// </summary>
    private const int RecoveryBudget = 30;

    [Fact]
    public async Task A_silo_killed_mid_service_costs_a_bounded_burst_of_failures_then_every_decision_is_as_before()
    {
        await using var cluster = await RedisTestCluster.StartAsync(3);
        var expected = File.ReadAllLines(Sample("attempts.expected.jsonl"));
        Assert.Equal(0, (await RunAsync("fleet", "apply", Sample("fleet.json"), "--cluster", cluster.ClientConfiguration)).ExitCode);
        Task<Run> CheckAsync() => RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", cluster.ClientConfiguration, "--keep-fleet");
        Assert.Equal(expected, (await CheckAsync()).Lines);

        await cluster.Silos[1].KillAsync();
        var burst = new List<Run>();
        var after = await CheckAsync();
        while (!after.Lines.SequenceEqual(expected) && burst.Count < RecoveryBudget)
        {
            burst.Add(after);
            await Task.Delay(2000, TestContext.Current.CancellationToken);
            after = await CheckAsync();
        }

        // Recovered within the budget, with every decision as before the kill.
        Assert.Equal(expected, after.Lines);
        // During the burst the service was unavailable, never wrong: a check that failed failed as
        // a whole (an error, no decisions), it never printed a decision the fleet would not make.
        Assert.All(burst, failed =>
        {
            Assert.NotEqual(0, failed.ExitCode);
            Assert.DoesNotContain(failed.Lines, line => !expected.Contains(line));
        });
        // One burst, then steady: the survivors keep deciding as before.
        for (var i = 0; i < 3; i++)
            Assert.Equal(expected, (await CheckAsync()).Lines);
    }
}

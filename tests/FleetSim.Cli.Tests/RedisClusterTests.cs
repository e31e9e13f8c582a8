using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// Three silo processes on loopback forming one cluster through Redis (started by tests/run);
/// one is killed with SIGKILL, and after a bounded burst of failures the cluster decides every
/// attempt as before, its servers reactivated on the survivors with their durable configuration.
/// </summary>
public sealed class RedisClusterTests
{
    private static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    [Fact]
    public async Task A_silo_killed_mid_service_costs_a_bounded_burst_of_failures_then_every_decision_is_as_before()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-redis-cluster-").FullName;
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>
        {
            ["Orleans__Clustering__ProviderType"] = "Redis",
            ["Orleans__Clustering__ConnectionString"] = Redis,
            ["Orleans__ClusterId"] = clusterId,
            ["FleetSim__Dashboard__Enabled"] = "false",
        };
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
                silos.Add(await SiloProcess.StartAsync(folder, environment: environment));
            // The CLI finds the cluster as the silos' configuration describes it, through the first silo's gateway.
            var siloJson = TempFile("silo.json", $$"""
                { "Orleans": { "ClusterId": "{{clusterId}}", "ServiceId": "fleetsim", "Endpoints": { "AdvertisedIPAddress": "127.0.0.1", "GatewayPort": {{silos[0].GatewayPort}} } } }
                """);
            var expected = File.ReadAllLines(Sample("attempts.expected.jsonl"));
            Assert.Equal(0, (await RunAsync("fleet", "apply", Sample("fleet.json"), "--cluster", siloJson)).ExitCode);
            var before = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", siloJson, "--keep-fleet");
            Assert.Equal(expected, before.Lines);

            await silos[1].KillAsync();
            var failures = 0;
            string[] after = [];
            for (var attempt = 0; attempt < 30 && !after.SequenceEqual(expected); attempt++)
            {
                var run = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", siloJson, "--keep-fleet");
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
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
        }
    }
}

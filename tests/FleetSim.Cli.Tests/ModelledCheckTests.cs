using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>check and explain with a fleet that has a queueing model (README, "Capacity model").</summary>
public sealed class ModelledCheckTests
{
    [Fact]
    public async Task A_burst_at_one_slow_gateway_worker_times_out_its_third_connection_and_later_ones()
    {
        var run = await RunAsync("check", Sample("model-fleet.json"), Sample("model-attempts.jsonl"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllLines(Sample("model-attempts.expected.jsonl")), run.Lines);
        Assert.Contains("2 timed out (ClientTimeout)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fleet_without_a_model_prints_no_modelled_latency() =>
        Assert.DoesNotContain("modelledMs", (await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"))).Stdout, StringComparison.Ordinal);

    [Fact]
    public async Task Explain_adds_each_stage_s_modelled_time_and_they_sum_to_the_total()
    {
        var run = await RunAsync("explain", Sample("model-fleet.json"), "--user", "dbadmin@contoso", "--password", "Contoso!2026", "--source-ip", "203.0.113.7", "--json");
        Assert.Equal(0, run.ExitCode);
        var modelled = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("modelled");
        // 3 round trips of 30 ms, TLS 1.2's 2 more, 400 ms at the gateway, the hop there and back, a 2 ms login.
        Assert.Equal(553, modelled.GetProperty("modelledMs").GetDouble());
        Assert.Equal(553, modelled.GetProperty("stages").EnumerateObject().Sum(s => s.Value.GetDouble()));
    }
}

using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim run` with a fleet model: modelled latency beside the engine's, and modelled.html.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class ModelledRunTests
{
    // Constant costs, one gateway worker of 5 ms at 50 connections a second: no queueing beyond
    // chance overlaps, so every connection takes at least its five round trips, 5 ms and the login.
    private const string Scenario = """
        {
          "name": "planner",
          "fleet": { "generate": { "regions": [ { "name": "eastus", "gateways": ["40.71.8.203"] } ], "serversPerRegion": 2 } },
          "model": {
            "network": { "rttMs": { "internet": 10 } },
            "tls": { "handshakeCpu": { "distribution": "constant", "meanMs": 0 } },
            "gateway": { "workers": 1, "connect": { "distribution": "constant", "meanMs": 5 } },
            "server": { "login": { "distribution": "constant", "meanMs": 1 } }
          },
          "populations": [ { "name": "office", "tls": { "1.2": 1 }, "source": { "kind": "internet", "allowedShare": 1 } } ],
          "load": [ { "kind": "inject", "rate": 50, "interval": "1s", "during": "2s" } ]
        }
        """;

    [Fact]
    public async Task A_run_reports_modelled_latency_percentiles_utilisation_and_latency_against_offered_load()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-modelled-run-").FullName;
        var run = await RunAsync("run", TempFile("planner.json", Scenario), "--out", folder, "--console", "off");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("modelled connect (ms): p50 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("modelled gateway utilisation: 40.71.8.203 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("modelled timeouts: 0 ", run.Stdout, StringComparison.Ordinal);

        using var modelled = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "modelled.json")));
        var connect = modelled.RootElement.GetProperty("percentiles")[0];
        // Five 10 ms round trips (TCP and login, TLS 1.2), the gateway's 5 ms, the hop twice, the login.
        Assert.True(connect.GetProperty("p50Ms").GetDouble() >= 57, connect.ToString());
        Assert.NotEmpty(modelled.RootElement.GetProperty("bySecond").EnumerateArray());
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "modelled.html")), StringComparison.Ordinal);
        // The run's own report draws the same charts under its notes.
        var report = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<h3>modelled connect latency against offered load</h3>\n<svg", report, StringComparison.Ordinal);
        Assert.Contains("<h3>modelled utilisation over time</h3>\n<svg", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_a_model_reports_nothing_modelled()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-plain-run-").FullName;
        var plain = Scenario[..Scenario.IndexOf("\"model\"", StringComparison.Ordinal)] + Scenario[Scenario.IndexOf("\"populations\"", StringComparison.Ordinal)..];
        var run = await RunAsync("run", TempFile("plain.json", plain), "--out", folder, "--console", "off");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.DoesNotContain("modelled connect", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "modelled.json")));
    }
}

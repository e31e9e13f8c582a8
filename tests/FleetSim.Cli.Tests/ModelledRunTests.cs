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

    // Two servers, one with the redirect policy; constant costs: a proxied statement pays the round
    // trip, the gateway's 2 ms relay, the hop there and back and the server's 1 ms; a redirected one
    // the round trip and the server's 1 ms.
    private const string Policies = """
        {
          "name": "policies",
          "fleet": { "inline": {
            "regions": [ { "name": "eastus", "gateways": [ { "ip": "40.71.8.203" } ] } ],
            "servers": [
              { "name": "proxied", "region": "eastus", "sku": "GP_Gen5_2", "administratorLogin": "dbadmin", "administratorLoginPassword": "Contoso!2026",
                "firewallRules": [ { "name": "apps", "startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255" } ] },
              { "name": "redirected", "region": "eastus", "sku": "GP_Gen5_2", "administratorLogin": "dbadmin", "administratorLoginPassword": "Contoso!2026",
                "firewallRules": [ { "name": "apps", "startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255" } ],
                "configurations": { "redirect_enabled": "ON" } } ] } },
          "model": {
            "network": { "rttMs": { "internet": 10 } },
            "tls": { "handshakeCpu": { "distribution": "constant", "meanMs": 0 } },
            "gateway": { "workers": 1, "connect": { "distribution": "constant", "meanMs": 1 }, "statement": { "distribution": "constant", "meanMs": 2 } },
            "server": { "login": { "distribution": "constant", "meanMs": 1 }, "statement": { "distribution": "constant", "meanMs": 1 } }
          },
          "populations": [
            { "name": "via-gateway", "tls": { "1.2": 1 }, "source": { "kind": "internet", "allowedShare": 1 }, "servers": { "names": ["proxied"] },
              "session": { "statements": ["SELECT 1", "SELECT 1"] } },
            { "name": "direct", "tls": { "1.2": 1 }, "source": { "kind": "internet", "allowedShare": 1 }, "servers": { "names": ["redirected"] },
              "session": { "statements": ["SELECT 1", "SELECT 1"] } }
          ],
          "load": [ { "kind": "inject", "rate": 20, "interval": "1s", "during": "2s" } ]
        }
        """;

    [Fact]
    public async Task A_run_reports_its_statements_modelled_latency_by_policy_and_a_redirected_session_skips_the_gateway()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-modelled-statements-").FullName;
        var run = await RunAsync("run", TempFile("policies.json", Policies), "--out", folder, "--console", "off");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("modelled statements: proxy (ms): p50 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("modelled statements (direct) (ms): p50 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("modelled timeouts: 0 (ClientTimeout, 2013); statements 0", run.Stdout, StringComparison.Ordinal);

        using var modelled = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "modelled.json")));
        var series = modelled.RootElement.GetProperty("percentiles").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        var proxied = series["statements: proxy"];
        var redirected = series["statements: redirect"];
        Assert.Equal(series["statements (via-gateway)"].GetProperty("count").GetInt32(), proxied.GetProperty("count").GetInt32());
        Assert.True(proxied.GetProperty("count").GetInt32() > 0 && redirected.GetProperty("count").GetInt32() > 0, modelled.RootElement.ToString());
        // Nothing queues at 20 sessions a second: 14 ms proxied, 11 ms redirected.
        Assert.Equal(14, proxied.GetProperty("p50Ms").GetDouble());
        Assert.Equal(11, redirected.GetProperty("p50Ms").GetDouble());
        Assert.Contains("<h3>modelled statement latency against offered load</h3>\n<svg", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wire_population_s_logins_and_statements_are_modelled_too()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-modelled-wire-").FullName;
        var wire = Scenario.Replace("\"name\": \"office\",", "\"name\": \"office\", \"via\": \"wire\", \"session\": { \"statements\": [\"SELECT 1\"] },", StringComparison.Ordinal);
        var run = await RunAsync("run", TempFile("wire.json", wire), "--out", folder, "--console", "off");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("modelled connect (wire) (ms): p50 ", run.Stdout, StringComparison.Ordinal);
        // Their statements stay on the gateway's listener: proxied, a round trip, the relay, the hop twice and the server's work at least.
        Assert.Contains("modelled statements (wire) (ms): p50 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("modelled statements: proxy (ms): p50 ", run.Stdout, StringComparison.Ordinal);

        using var modelled = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "modelled.json")));
        var connect = modelled.RootElement.GetProperty("percentiles").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "connect (wire)");
        Assert.True(connect.GetProperty("count").GetInt32() > 0);
        // The same path as a simulated client's: five 10 ms round trips, the gateway's 5 ms, the hop twice, the login.
        Assert.True(connect.GetProperty("p50Ms").GetDouble() >= 57, connect.ToString());
    }

    // Sampled costs and two populations, sessions held long enough that several workers share the
    // load, so which worker runs which iteration is up to the engine.
    private const string Sampled = """
        {
          "name": "sampled",
          "seed": 3,
          "fleet": { "generate": { "regions": [ { "name": "eastus", "gateways": ["40.71.8.203"] } ], "serversPerRegion": 3 } },
          "model": {
            "seed": 11,
            "network": { "rttMs": { "internet": 20, "azure": 2 } },
            "tls": { "handshakeCpu": { "distribution": "lognormal", "meanMs": 2, "p99Ms": 6 } },
            "gateway": { "workers": 2, "connect": { "distribution": "exponential", "meanMs": 1 } },
            "server": { "login": { "distribution": "exponential", "meanMs": 2 }, "statement": { "distribution": "exponential", "meanMs": 1 } }
          },
          "populations": [
            { "name": "office", "weight": 3, "tls": { "1.2": 1, "1.3": 1 }, "source": { "kind": "internet", "allowedShare": 1 },
              "session": { "statements": ["SELECT 1", "SELECT 1"], "thinkTime": "5ms", "hold": "200ms" } },
            { "name": "apps", "weight": 1, "tls": { "1.3": 1 }, "source": { "kind": "azure", "allowedShare": 1 },
              "session": { "statements": ["SELECT 1"], "hold": "150ms" } }
          ],
          "warmUp": "500ms",
          "load": [ { "kind": "inject", "rate": 20, "interval": "1s", "during": "2s" } ]
        }
        """;

    [Fact]
    public async Task The_same_scenario_gives_the_same_modelled_figures_twice_whichever_worker_ran_which_session()
    {
        string Figures(string folder)
        {
            using var modelled = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "modelled.json")));
            return modelled.RootElement.GetProperty("percentiles").GetRawText();
        }
        var file = TempFile("sampled.json", Sampled);
        var figures = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            var folder = Directory.CreateTempSubdirectory("fleetsim-modelled-twice-").FullName;
            var run = await RunAsync("run", file, "--out", folder, "--console", "off");
            Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
            figures.Add(Figures(folder));
        }

        // Arrivals are 50 ms apart and no worker is busy that long: the queues' order of receipt
        // cannot matter, so every figure comes from the schedule and the keyed samples alone.
        Assert.Contains("\"connect (apps)\"", figures[0], StringComparison.Ordinal);
        Assert.Equal(figures[0], figures[1]);
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

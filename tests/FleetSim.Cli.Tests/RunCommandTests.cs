using System.Globalization;
using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim run`: a real process plays a scenario and leaves its reports.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class RunCommandTests
{
    private const string Tiny = """
        {
          "name": "tiny",
          "fleet": { "generate": { "serversPerRegion": 2, "configurations": { "audit_log_enabled": "ON" } } },
          "populations": [ { "name": "office", "source": { "kind": "internet", "allowedShare": 0.5 } } ],
          "load": [ { "kind": "inject", "rate": 50, "interval": "1s", "during": "2s" } ],
          "thresholds": [ THRESHOLD ]
        }
        """;

    [Fact]
    public async Task The_quickstart_writes_every_outcome_it_produces_into_all_four_report_formats()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName;
        var run = await RunAsync("run", "--out", folder, "--duration", "4s", "--console", "plain");
        // The verdict belongs to the quickstart's thresholds (a latency limit a busy machine may
        // break), not to this test: the run must finish and report, not abort or fail to start.
        Assert.True(run.ExitCode is 0 or 1, run.Stdout + run.Stderr);
        Assert.Matches("(?m)^(PASSED|FAILED)  quickstart", run.Stdout);

        // The JSON report, machine-readable, says what the run produced; every other format must show the same.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var outcomes = Outcomes(json.RootElement);
        var connect = outcomes.Where(o => o.Step == "connect").Select(o => o.Status).ToList();
        Assert.Contains("Allowed", connect);
        Assert.Contains("FirewallDenied", connect);

        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        var csv = File.ReadAllLines(Path.Combine(folder, "report_outcomes.csv"));
        Assert.Equal(outcomes.Count, csv.Length - 1);
        foreach (var (scenario, step, status, result, count) in outcomes)
        {
            var shown = count.ToString("N0", CultureInfo.InvariantCulture);
            Assert.Contains($"<tr><td>{scenario}</td><td class=\"text\">{step}</td><td class=\"text\">{status}</td><td class=\"text\">{result}</td><td>{shown}</td>", html, StringComparison.Ordinal);
            Assert.Contains($"| {scenario} | {step} | {status} | {result} | {shown} |", markdown, StringComparison.Ordinal);
            Assert.Contains(csv, line => line.StartsWith($"{scenario},{step},{status},{result},{count},", StringComparison.Ordinal));
        }

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(Path.Combine(folder, "report_stats_history.csv")).Length > 2);
        Assert.True(File.Exists(Path.Combine(folder, "audit.db")));
        var stats = await RunAsync("audit", "stats", "--store", Path.Combine(folder, "audit.db"));
        Assert.DoesNotContain("audit records: 0,", stats.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Every outcome row of the JSON report: per scenario and per step, as the other formats tabulate them.</summary>
    private static List<(string Scenario, string Step, string Status, string Result, long Count)> Outcomes(JsonElement report) =>
        [.. report.GetProperty("scenarios").EnumerateArray()
            .SelectMany(scenario => scenario.GetProperty("steps").EnumerateArray().Prepend(scenario.GetProperty("totals")))
            .SelectMany(stats => stats.GetProperty("outcomes").EnumerateArray().Select(outcome => (
                stats.GetProperty("scenario").GetString()!,
                stats.GetProperty("step").GetString() ?? "",
                outcome.GetProperty("statusCode").GetString()!,
                outcome.GetProperty("isError").GetBoolean() ? "fail" : "ok",
                outcome.GetProperty("count").GetInt64())))];

    [Theory]
    [InlineData("batched")]
    [InlineData("acknowledged")]
    public async Task An_embedded_run_stops_gracefully_so_everything_its_clients_were_told_about_is_stored(string durability)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName;
        var scenario = TempFile("tiny.json", Tiny.Replace("THRESHOLD", "\"fail.rate < 0.01\"", StringComparison.Ordinal));
        var run = await RunAsync("run", scenario, "--out", folder, "--console", "off", "--audit-durability", durability);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("audit reconciliation", run.Stdout, StringComparison.Ordinal);
        using var reconciliation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "audit-reconciliation.json")));
        var acknowledged = reconciliation.RootElement.GetProperty("acknowledged").GetInt64();
        Assert.True(acknowledged > 0);
        Assert.Equal((acknowledged, 0L, 0L), (reconciliation.RootElement.GetProperty("stored").GetInt64(),
            reconciliation.RootElement.GetProperty("missing").GetInt64(), reconciliation.RootElement.GetProperty("extra").GetInt64()));
    }

    [Fact]
    public async Task Run_with_web_serves_the_page_while_the_scenario_runs_and_says_where()
    {
        var scenario = TempFile("web.json", Tiny.Replace("THRESHOLD", "\"fail.rate < 1\"", StringComparison.Ordinal));
        var run = await RunAsync("run", scenario, "--out", Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName, "--console", "off", "--web", "http://127.0.0.1:0");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Matches(@"Web page: http://127\.0\.0\.1:[1-9][0-9]*/", run.Stderr);
        // Without --web, run serves no page: its figures are the same as before the page existed.
        var plain = await RunAsync("run", scenario, "--out", Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName, "--console", "off");
        Assert.DoesNotContain("Web page:", plain.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wire_population_logs_in_over_the_mariadb_protocol_and_its_records_reconcile()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName;
        var scenario = TempFile("wire.json", Tiny
            .Replace("THRESHOLD", "\"fail.rate < 0.01\"", StringComparison.Ordinal)
            .Replace("\"name\": \"office\",", "\"name\": \"office\", \"via\": \"wire\", \"tls\": { \"1.3\": 3, \"none\": 1 }, \"session\": { \"statements\": [\"SELECT 1\"] },", StringComparison.Ordinal));

        var run = await RunAsync("run", scenario, "--out", folder, "--console", "off");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var connect = Outcomes(json.RootElement).Where(o => o.Step == "connect").Select(o => o.Status).ToList();
        // Real clients that skipped TLS meet sslEnforcement on the server, as over the wire they would.
        Assert.Contains("Allowed", connect);
        Assert.Contains("SslRequired", connect);
        using var reconciliation = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "audit-reconciliation.json")));
        var acknowledged = reconciliation.RootElement.GetProperty("acknowledged").GetInt64();
        Assert.True(acknowledged > 0);
        Assert.Equal(acknowledged, reconciliation.RootElement.GetProperty("stored").GetInt64());
    }

    [Fact]
    public async Task An_unknown_audit_durability_is_refused_with_the_choices()
    {
        var run = await RunAsync("run", "--audit-durability", "sometimes", "--console", "off");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--audit-durability: 'sometimes' is not batched or acknowledged", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_threshold_makes_the_exit_code_1()
    {
        var scenario = TempFile("tiny.json", Tiny.Replace("THRESHOLD", "\"connect.p99 < 1us\"", StringComparison.Ordinal));
        var run = await RunAsync("run", scenario, "--out", Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName, "--console", "off");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BROKEN", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scenario_names_file_field_and_value_and_exits_2()
    {
        var scenario = TempFile("bad.json", Tiny
            .Replace("THRESHOLD", "\"connect.p99 <\"", StringComparison.Ordinal)
            .Replace("\"rate\": 50", "\"rate\": 0", StringComparison.Ordinal));
        var run = await RunAsync("run", scenario, "--console", "off");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("load[0].rate: 0 must be greater than 0", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.json", run.Stderr, StringComparison.Ordinal);
        var thresholds = await RunAsync("run", TempFile("t.json", Tiny.Replace("THRESHOLD", "\"connect.p99 <\"", StringComparison.Ordinal)), "--console", "off");
        Assert.Equal(2, thresholds.ExitCode);
        Assert.Contains("thresholds[0]", thresholds.Stderr, StringComparison.Ordinal);
        var via = await RunAsync("run", TempFile("v.json", Tiny
            .Replace("THRESHOLD", "\"fail.rate < 0.01\"", StringComparison.Ordinal)
            .Replace("\"name\": \"office\",", "\"name\": \"office\", \"via\": \"pigeon\",", StringComparison.Ordinal)), "--console", "off");
        Assert.Equal(2, via.ExitCode);
        Assert.Contains("populations[0].via: 'pigeon' is not one of simulated, wire", via.Stderr, StringComparison.Ordinal);
    }
}

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
    public async Task The_quickstart_runs_with_every_outcome_and_writes_all_four_report_formats()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-run-test-").FullName;
        var run = await RunAsync("run", "--out", folder, "--duration", "4s", "--console", "plain");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("PASSED", run.Stdout, StringComparison.Ordinal);

        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("FirewallDenied", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        var history = File.ReadAllLines(Path.Combine(folder, "report_stats_history.csv"));
        Assert.True(history.Length > 2);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        Assert.True(File.Exists(Path.Combine(folder, "audit.db")));

        var stats = await RunAsync("audit", "stats", "--store", Path.Combine(folder, "audit.db"));
        Assert.DoesNotContain("audit records: 0,", stats.Stdout, StringComparison.Ordinal);
    }

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
    }
}

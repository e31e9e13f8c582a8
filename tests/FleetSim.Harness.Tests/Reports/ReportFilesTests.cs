using System.Text.Json;
using FleetSim.Harness.Tests.Running;

namespace FleetSim.Harness.Tests.Reports;

/// <summary>One run on a fake clock, whose reports every test reads.</summary>
public sealed class ReportRun : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "fleetsim-harness-" + Guid.NewGuid().ToString("N"));

    public RunResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // One in five fails, counted over the whole run: an invocation number counts per copy, and how
        // the open model shares iterations among its copies depends on the machine's timing.
        var started = 0;
        var scenario = Scenario.Create("connect", async context =>
            {
                var failing = Interlocked.Increment(ref started) % 5 == 0;
                return await Step.Run("login", context, () => ValueTask.FromResult(
                    failing ? Response.Fail("FirewallDenied") : Response.Ok(sizeBytes: 64)));
            })
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 20, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(3)));
        Result = await FakeClock.RunAsync(LoadRunner.Create()
            .RegisterScenarios(scenario)
            .WithTestName("connect-storm")
            .WithThresholds("connect.p99 < 50ms", "fail.rate < 0.01")
            .WithSummaryNotes(() => [new SummaryNote("audit records written", "48")])
            .WithReportFolder(Folder)
            .WithReportFileName("run"));
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class ReportFilesTests(ReportRun run) : IClassFixture<ReportRun>
{
    private readonly string _folder = run.Folder;

    private Task<RunResult> RunAsync() => Task.FromResult(run.Result);

    [Fact]
    public async Task Every_format_is_written_into_the_folder()
    {
        var result = await RunAsync();

        string[] expected = ["run.html", "run.md", "run.json", "run.txt", "run_stats.csv", "run_stats_history.csv", "run_outcomes.csv"];
        Assert.Equal(expected.Order(), result.ReportFiles.Select(Path.GetFileName).Order());
        Assert.All(expected, name => Assert.True(File.Exists(Path.Combine(_folder, name)), name));
    }

    [Fact]
    public async Task The_html_report_is_one_file_with_tables_and_svg_charts_over_time()
    {
        await RunAsync();
        var html = await File.ReadAllTextAsync(Path.Combine(_folder, "run.html"), TestContext.Current.CancellationToken);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var section in new[] { "Scenarios and steps", "Thresholds", "Outcomes by reason", "Over time", "Load simulations", "Notes" })
            Assert.Contains(section, html, StringComparison.Ordinal);
        // The step's latency (the service's) leads; the whole iteration's follows with its note, then the rest.
        string[] charts = ["connect / login: latency of ok calls", "connect: latency of ok calls, whole iteration", System.Net.WebUtility.HtmlEncode(ReportCharts.IterationNote),
            "connect: rate", "connect: active copies", "connect: outcomes by reason"];
        var positions = charts.Select(chart => html.IndexOf(chart, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, position => Assert.True(position >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<figcaption>" + System.Net.WebUtility.HtmlEncode(ReportCharts.IterationNote) + "</figcaption>", html, StringComparison.Ordinal);
        Assert.Equal(5, CountOf(html, "<figure>"));
        Assert.Contains("FirewallDenied", html, StringComparison.Ordinal);
        Assert.Contains("FAILED", html, StringComparison.Ordinal); // fail.rate < 0.01 broke
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_csv_has_a_header_and_one_row_per_interval()
    {
        var result = await RunAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "run_stats_history.csv"), TestContext.Current.CancellationToken);

        Assert.StartsWith("Timestamp,Elapsed,Scenario,Step,Active Copies,Requests/s,Failures/s,Dropped,Late,50%,75%,95%,99%,99.9%,100%,Total Request Count", lines[0], StringComparison.Ordinal);
        var intervals = result.History.Where(row => row.Scenario == "all").ToArray();
        Assert.InRange(intervals.Length, 3, 4);
        Assert.Equal(intervals.Length, lines.Count(line => line.Split(',')[2] == "all"));
        Assert.Equal(intervals.Length, lines.Count(line => line.Split(',') is [_, _, "connect", "", ..]));
        Assert.Equal(intervals.Length, lines.Count(line => line.Split(',') is [_, _, "connect", "login", ..]));
        Assert.Equal(1 + (3 * intervals.Length), lines.Length);
        Assert.Equal(60, intervals.Sum(row => row.OkCount + row.FailCount));
    }

    [Fact]
    public async Task The_outcomes_csv_has_every_outcome_of_the_scenario_and_its_steps()
    {
        await RunAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "run_outcomes.csv"), TestContext.Current.CancellationToken);

        Assert.Equal("Scenario,Step,Status,Result,Count,Share", lines[0]);
        Assert.Contains("connect,,FirewallDenied,fail,12,0.2", lines);
        Assert.Contains("connect,login,FirewallDenied,fail,12,0.2", lines);
        Assert.Contains("connect,login,OK,ok,48,0.8", lines);
    }

    [Fact]
    public async Task The_json_report_parses_and_holds_the_figures()
    {
        await RunAsync();
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "run.json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;

        Assert.Equal("connect-storm", root.GetProperty("testName").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        var connect = root.GetProperty("scenarios")[0];
        Assert.Equal("connect", connect.GetProperty("name").GetString());
        Assert.Equal(48, connect.GetProperty("totals").GetProperty("okCount").GetInt64());
        Assert.Equal(12, connect.GetProperty("totals").GetProperty("failCount").GetInt64());
        Assert.Equal("login", connect.GetProperty("steps")[0].GetProperty("step").GetString());
        Assert.Equal(2, root.GetProperty("thresholds").GetArrayLength());
        Assert.True(root.GetProperty("history").GetArrayLength() >= 9);
    }

    [Fact]
    public async Task The_markdown_and_text_reports_lead_with_the_verdict()
    {
        await RunAsync();
        var markdown = await File.ReadAllTextAsync(Path.Combine(_folder, "run.md"), TestContext.Current.CancellationToken);
        var text = await File.ReadAllTextAsync(Path.Combine(_folder, "run.txt"), TestContext.Current.CancellationToken);

        Assert.StartsWith("# connect-storm: FAILED", markdown, StringComparison.Ordinal);
        Assert.Contains("## Outcomes by reason", markdown, StringComparison.Ordinal);
        Assert.Contains("| `all.fail.rate < 0.01` | **broken** |", markdown, StringComparison.Ordinal);
        Assert.StartsWith("FAILED  connect-storm: 1 of 2 thresholds broken", text, StringComparison.Ordinal);
        Assert.Contains("audit records written: 48", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_drawn_as_svg()
    {
        var svg = ChartSvg.Lines("latency", "ms", [1, 2, 3], [("p99", [4, 5, 3])]);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}

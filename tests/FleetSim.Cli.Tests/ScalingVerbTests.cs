using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// The load tests' `scaling` verb as a person runs it: real silo processes clustered through the
/// Redis tests/run starts, and the side-by-side report. Figures are the machine's, never asserted.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class ScalingVerbTests
{
    private const string TinyScenario = """
        {
          "name": "tiny-scaling",
          "seed": 3,
          "fleet": { "generate": { "serversPerRegion": 3, "configurations": { "audit_log_enabled": "ON" } } },
          "populations": [ { "name": "apps", "source": { "kind": "internet", "allowedShare": 0.9 }, "session": { "statements": ["SELECT 1"] } } ],
          "warmUp": "1s",
          "load": [ { "kind": "keepConstant", "copies": 4, "during": "3s" } ]
        }
        """;

    [Fact]
    public async Task Scaling_reports_the_embedded_silo_and_each_cluster_size_side_by_side()
    {
        var scenario = TempFile("tiny-scaling.json", TinyScenario);
        var output = Path.Combine(Path.GetDirectoryName(scenario)!, "out");

        var run = await LoadTestsProgram.RunAsync("scaling", scenario, "--silos", "1,2", "--duration", "3s", "--out", output, "--redis", RedisTestCluster.Redis);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "scaling.json"), TestContext.Current.CancellationToken));
        var configurations = report.RootElement.GetProperty("configurations").EnumerateArray().ToList();
        Assert.Equal(["embedded", "1 process", "2 processes"], configurations.Select(c => c.GetProperty("configuration").GetString()));
        Assert.Equal([0, 1, 2], configurations.Select(c => c.GetProperty("siloProcesses").GetInt32()));
        Assert.All(configurations, c => Assert.True(File.Exists(Path.Combine(c.GetProperty("reportFolder").GetString()!, "report.json"))));

        var markdown = await File.ReadAllLinesAsync(Path.Combine(output, "scaling.md"), TestContext.Current.CancellationToken);
        Assert.Equal(["embedded", "1 process", "2 processes"], markdown.Where(IsFigureRow).Select(line => line.Split('|')[1].Trim()));
        Assert.Contains(markdown, line => line.Contains($"{Environment.ProcessorCount} cores", StringComparison.Ordinal));
        Assert.Contains("2 processes", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A row of the Markdown table other than its header and separator.</summary>
    private static bool IsFigureRow(string line) =>
        line.StartsWith('|') && !line.StartsWith("| configuration", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal);
}

using System.Text.Json;

namespace FleetSim.Cli.Tests;

/// <summary>
/// The load tests' `bench` and `scale` verbs as a person runs them, with tiny rounds: every figure
/// and every ratio is reported. The figures are the machine's, never asserted.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class BenchVerbTests
{
    private static readonly string[] FleetSimFigures = ["fleetsim", "audit-off", "acknowledged"];

    [Fact]
    public async Task Bench_reports_every_figure_with_its_ratios_to_the_engine_floor_and_the_combined_limit()
    {
        var output = Directory.CreateTempSubdirectory("fleetsim-bench-test-").FullName;

        var run = await LoadTestsProgram.RunAsync("bench", "--duration", "1s", "--rounds", "1", "--concurrency", "8", "--servers-per-region", "2", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var bench = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bench.json"), TestContext.Current.CancellationToken));
        var figures = bench.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["harness", "engine-floor", "store-floor", "combined-limit", .. FleetSimFigures], figures.Keys);
        Assert.All(figures.Values, f => Assert.True(f.GetProperty("median").GetDouble() > 0, f.GetProperty("name").GetString()));
        Assert.All(FleetSimFigures, name =>
        {
            Assert.Equal(JsonValueKind.Number, figures[name].GetProperty("ratioToFloor").ValueKind);
            Assert.Equal(JsonValueKind.Number, figures[name].GetProperty("ratioToCombinedLimit").ValueKind);
        });
        // What a connection allocates, beside the engine floor's.
        Assert.All(["engine-floor", .. FleetSimFigures], name => Assert.True(figures[name].GetProperty("bytesPerConnection").GetDouble() > 0, name));
        var table = run.Stdout.Split('\n').Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length > 0).ToList();
        Assert.Contains(table, cells => cells is ["measurement", .., "ratio", "to", "combined", "bytes/conn", "GCs/10k", "rounds"]);
        // A FleetSim row: name, rate, ratio to the floor, ratio to the combined limit, bytes, collections, rounds.
        Assert.All(FleetSimFigures, name => Assert.Contains(table, cells => cells.Length >= 5 && cells[0] == name && cells[2] != "-" && cells[3] != "-"));
    }

    [Fact]
    public async Task Bench_only_measures_the_one_figure_asked_for_with_its_floors()
    {
        var output = Directory.CreateTempSubdirectory("fleetsim-bench-only-test-").FullName;

        var run = await LoadTestsProgram.RunAsync("bench", "--only", "audit-off", "--duration", "1s", "--rounds", "1", "--concurrency", "8", "--servers-per-region", "2", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var bench = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bench.json"), TestContext.Current.CancellationToken));
        Assert.Equal(["harness", "engine-floor", "store-floor", "combined-limit", "audit-off"],
            bench.RootElement.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Scale_quick_measures_both_curves_and_draws_each_as_a_png()
    {
        var output = Directory.CreateTempSubdirectory("fleetsim-scale-test-").FullName;

        var run = await LoadTestsProgram.RunAsync("scale", "--quick", "--servers", "4,8", "--rules", "1,128", "--rules-servers", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var scale = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "scale.json"), TestContext.Current.CancellationToken));
        var points = scale.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([("servers", 16), ("servers", 16), ("rules", 1), ("rules", 128)],
            points.Select(p => (p.GetProperty("curve").GetString(), p.GetProperty("rulesPerServer").GetInt32())));
        Assert.Equal([4, 8, 4, 4], points.Select(p => p.GetProperty("servers").GetInt32()));
        Assert.All(points, p => Assert.True(p.GetProperty("connectionsPerSecond").GetDouble() > 0));
        foreach (var chart in new[] { "scale-servers.png", "scale-rules.png" })
        {
            // A PNG file starts with its 8-byte signature.
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, chart), TestContext.Current.CancellationToken);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }
}

using System.Text.Json;

namespace FleetSim.Cli.Tests;

/// <summary>
/// The load tests' `wire` verb as a person runs it, with tiny rounds: every case is measured
/// against FleetSim's listener and the real MariaDB server it starts (installing Debian's
/// mariadb-server when missing, as root), with a ratio, and the server is gone afterwards. The
/// figures are the machine's, never asserted.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class WireVerbTests
{
    private static readonly (string Client, string Tls)[] Cases = [("MySqlConnector", "none"), ("MySqlConnector", "required"), ("mariadb-slap", "none")];

    [Fact]
    public async Task Wire_measures_every_client_against_both_servers_reports_the_ratio_and_stops_the_real_server()
    {
        var output = Directory.CreateTempSubdirectory("fleetsim-wire-verb-test-").FullName;
        var serversBefore = RealServersOfTheVerb();

        var run = await LoadTestsProgram.RunAsync("wire", "--seconds", "1", "--rounds", "1", "--concurrency", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var comparisons = await Comparisons(output);
        Assert.Equal(Cases, comparisons.Select(c => (c.GetProperty("client").GetString()!, c.GetProperty("tls").GetString()!)));
        Assert.All(comparisons, c =>
        {
            AssertMeasured(c.GetProperty("mariaDb"));
            AssertMeasured(c.GetProperty("fleetSim"));
            Assert.True(c.GetProperty("ratio").GetDouble() > 0);
        });
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "wire.md"), TestContext.Current.CancellationToken);
        Assert.Contains("| client | TLS | MariaDB conn/s |", markdown, StringComparison.Ordinal);
        Assert.Empty(RealServersOfTheVerb().Except(serversBefore));
    }

    [Fact]
    public async Task Wire_fleetsim_only_measures_every_client_against_fleetsim_without_a_ratio()
    {
        var output = Directory.CreateTempSubdirectory("fleetsim-wire-verb-test-").FullName;

        var run = await LoadTestsProgram.RunAsync("wire", "--fleetsim-only", "--seconds", "1", "--rounds", "1", "--concurrency", "4", "--out", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var comparisons = await Comparisons(output);
        Assert.Equal(Cases, comparisons.Select(c => (c.GetProperty("client").GetString()!, c.GetProperty("tls").GetString()!)));
        Assert.All(comparisons, c =>
        {
            AssertMeasured(c.GetProperty("fleetSim"));
            Assert.Equal(JsonValueKind.Null, c.GetProperty("mariaDb").ValueKind);
            Assert.Equal(JsonValueKind.Null, c.GetProperty("ratio").ValueKind);
        });
    }

    [Fact]
    public async Task Wire_refuses_a_cell_of_no_time_with_exit_code_2()
    {
        var run = await LoadTestsProgram.RunAsync("wire", "--seconds", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seconds", run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertMeasured(JsonElement cell)
    {
        Assert.Equal(0, cell.GetProperty("errors").GetInt64());
        Assert.True(cell.GetProperty("connectionsPerSecond").GetDouble() > 0, cell.GetProperty("target").GetString());
        Assert.True(cell.GetProperty("clientCpuMicrosecondsPerConnection").GetDouble() > 0, cell.GetProperty("target").GetString());
    }

    private static async Task<List<JsonElement>> Comparisons(string output)
    {
        using var wire = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "wire.json"), TestContext.Current.CancellationToken));
        return [.. wire.RootElement.GetProperty("comparisons").EnumerateArray().Select(c => c.Clone())];
    }

    /// <summary>Running mariadbd processes the verb started (their data folders are named for it).</summary>
    private static HashSet<string> RealServersOfTheVerb() =>
        [.. Directory.EnumerateDirectories("/proc").Select(p => Path.Combine(p, "cmdline")).Where(File.Exists).Select(ReadOrEmpty)
            .Where(c => c.Contains("mariadbd", StringComparison.Ordinal) && c.Contains("fleetsim-wire-mariadb-", StringComparison.Ordinal))];

    private static string ReadOrEmpty(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            // The process ended while the list was read.
            return "";
        }
    }
}

using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>What a command writes without being asked to keep it is scratch: gone when the command ends.</summary>
public sealed class ScratchDataTests
{
    [Fact]
    public async Task A_check_without_store_leaves_nothing_in_the_temporary_folder_and_says_how_to_keep_it()
    {
        var temporary = Directory.CreateTempSubdirectory("fleetsim-scratch-test-").FullName;

        var run = await RunAsync(new Dictionary<string, string> { ["TMPDIR"] = temporary }, "check", Sample("fleet.json"), Sample("attempts.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllLines(Sample("attempts.expected.jsonl")), run.Lines);
        Assert.Contains("audit store: scratch, deleted on exit (keep it with --store PATH)", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temporary, "*", SearchOption.AllDirectories));
        Directory.Delete(temporary);
    }

    [Fact]
    public async Task A_check_with_store_keeps_it_where_it_was_named()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-kept-store-").FullName, "audit.db");

        var run = await RunAsync("check", "--store", store, Sample("fleet.json"), Sample("attempts.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(store), run.Stderr);
        Assert.DoesNotContain("scratch", run.Stderr, StringComparison.Ordinal);
    }
}

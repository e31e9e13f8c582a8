using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim whatif`: the sample proposal against the sample traffic, and its agreement with `check`.</summary>
public sealed class WhatIfCommandTests
{
    [Fact]
    public async Task The_sample_proposal_loses_gains_and_changes_exactly_the_attempts_it_touches()
    {
        var run = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet-proposed.json"), "--traffic", Sample("attempts.jsonl"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var changes = run.Lines.Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(line => line.GetProperty("id").GetString()!, line => line.GetProperty("change").GetString());
        Assert.Equal(new Dictionary<string, string?>
        {
            // The office range narrowed to 203.0.113.0/26: its clients at .77 are out.
            ["office-app"] = "lost", ["routes-on-user-not-host"] = "lost", ["no-suffix-uses-host"] = "lost",
            ["pinned-decommissioning-gateway-still-works"] = "lost",
            // A wrong password was refused by authentication; now the firewall refuses first.
            ["wrong-password"] = "changed",
            ["vnet-without-rule"] = "gained",
            ["azure-vm-via-allow-azure-services"] = "lost",
            ["private-endpoint-pending"] = "gained",
        }, changes);
        Assert.Contains("whatif: 25 attempts: 5 lost, 2 gained, 1 changed, 17 unchanged", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not compared: max_connections and threat detection", run.Stderr, StringComparison.Ordinal);
        var line = JsonDocument.Parse(run.Lines[0]).RootElement;
        Assert.Equal("""{"ip":"203.0.113.77"}""", line.GetProperty("source").GetRawText());
        Assert.Equal("office", line.GetProperty("before").GetProperty("rule").GetString());
        Assert.Equal(9000, line.GetProperty("after").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Whatif_decides_each_attempt_as_check_does_under_each_fleet()
    {
        var whatif = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet-proposed.json"), "--traffic", Sample("attempts.jsonl"), "--all");
        var before = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"));
        var after = await RunAsync("check", Sample("fleet-proposed.json"), Sample("attempts.jsonl"));

        var decisions = whatif.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(25, decisions.Count);
        Assert.Equal(Reasons(before), decisions.Select(d => (d.GetProperty("id").GetString(), d.GetProperty("before").GetProperty("reason").GetString())));
        Assert.Equal(Reasons(after), decisions.Select(d => (d.GetProperty("id").GetString(), d.GetProperty("after").GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Fail_on_gates_a_change_and_a_bad_value_is_refused()
    {
        var gated = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet-proposed.json"), "--traffic", Sample("attempts.jsonl"), "--fail-on", "lost");
        var same = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", Sample("attempts.jsonl"), "--fail-on", "lost,gained,changed");
        var bad = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", Sample("attempts.jsonl"), "--fail-on", "worse");

        Assert.Equal(1, gated.ExitCode);
        Assert.Equal((0, ""), (same.ExitCode, same.Stdout));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--fail-on: 'worse' is not one of lost, gained, changed", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_counts_each_rules_hits_before_and_after_and_escapes_what_the_files_hold()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-whatif-").FullName;
        var traffic = TempFile("traffic.jsonl", File.ReadAllText(Sample("attempts.jsonl")).Replace("\"office-app\"", "\"<b>office</b>\"", StringComparison.Ordinal));

        var run = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet-proposed.json"), "--traffic", traffic, "--report", folder);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "whatif.json")));
        var office = json.RootElement.GetProperty("ruleHits").EnumerateArray().Single(h => h.GetProperty("rule").GetString() == "office");
        Assert.Equal((4, 0), (office.GetProperty("before").GetInt32(), office.GetProperty("after").GetInt32()));
        Assert.Equal(5, json.RootElement.GetProperty("changes").GetProperty("lost").GetInt32());
        Assert.Contains("| contoso | office | 4 | 0 |", File.ReadAllText(Path.Combine(folder, "whatif.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "whatif.html"));
        Assert.Contains("&lt;b&gt;office&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>office</b>", html, StringComparison.Ordinal);
    }

    /// <summary>The id and reason of each line `check` printed for an attempt (alert lines have no id).</summary>
    private static IEnumerable<(string?, string?)> Reasons(Run check) =>
        check.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("id", out _))
            .Select(l => (l.GetProperty("id").GetString(), l.GetProperty("reason").GetString()));
}

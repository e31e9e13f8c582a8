using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim insights` on the sample fleet: each finding names its server, kind and rule.</summary>
public sealed class InsightsCommandTests
{
    [Fact]
    public async Task The_sample_fleet_has_a_redundant_rule_a_broad_one_unapproved_endpoints_and_weak_tls()
    {
        var run = await RunAsync("insights", Sample("fleet.json"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var findings = run.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(f => (f.GetProperty("server").GetString(), f.GetProperty("kind").GetString(), f.GetProperty("rule").GetString()))
            .ToList();
        Assert.Equal<(string?, string?, string?)>(
        [
            // 203.0.113.9 lies inside the office /24.
            ("contoso", "redundant", "ci-runner"),
            ("fabrikam", "broad", "AllowAllWindowsAzureIps"),
            ("fabrikam", "weakTls", null),
            ("tailspin", "privateEndpointNotApproved", "pe-contractor"),
            ("tailspin", "privateEndpointNotApproved", "pe-old"),
            ("tailspin", "weakTls", null),
            ("wingtip", "weakTls", null),
            ("northwind", "weakTls", null),
        ], findings);
        Assert.Contains("insights: 8 findings on 5 of 5 servers", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_fleet_file_exits_2_naming_it()
    {
        var run = await RunAsync("insights", TempFile("bad.json", "{ \"servers\": 7 }"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.json", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_traffic_a_rule_far_wider_than_its_clients_gets_narrower_ranges_and_a_source_refused_often_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-insights-").FullName;
        var run = await RunAsync("insights", Sample("fleet.json"), "--traffic", Sample("attempts.jsonl"), "--min-denials", "2", "--report", folder);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var findings = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        // Every sample client of the office /24 comes from 203.0.113.77.
        var office = findings.Single(f => f.GetProperty("kind").GetString() == "overlyPermissive" && f.GetProperty("rule").GetString() == "office");
        Assert.Equal("""[{"startIpAddress":"203.0.113.77","endIpAddress":"203.0.113.77"}]""", office.GetProperty("suggested").GetRawText());
        Assert.Contains("255 addresses stop being admitted", office.GetProperty("advice").GetString(), StringComparison.Ordinal);
        var denied = findings.Where(f => f.GetProperty("kind").GetString() == "deniedOften").Select(f => f.GetProperty("why").GetString()).ToList();
        Assert.Equal(["203.0.113.77 was refused 3 times (SslRequired 1, TlsVersionTooLow 1, AccessDenied 1)", "192.0.2.44 was refused 2 times (FirewallDenied 2)"], denied);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "insights.json")));
        Assert.Equal(findings.Count, report.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Contains("overlyPermissive", File.ReadAllText(Path.Combine(folder, "insights.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_store_ties_a_source_refused_often_to_the_alerts_raised_for_it()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-insights-store-").FullName, "audit.db");
        var check = await RunAsync("check", Sample("threats-fleet.json"), Sample("threats.jsonl"), "--store", store);
        Assert.True(check.ExitCode == 0, check.Stderr);

        var run = await RunAsync("insights", Sample("threats-fleet.json"), "--traffic", store, "--min-denials", "3");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var denied = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).Single(f => f.GetProperty("kind").GetString() == "deniedOften");
        Assert.Contains("(AccessDenied 5); alerts raised for it: SQL.MariaDB_BruteForce", denied.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Contains("attack", denied.GetProperty("advice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_traffic_options_exit_2_each_named()
    {
        var run = await RunAsync("insights", Sample("fleet.json"), "--max-ranges", "0", "--min-denials", "0", "--since", "2026-11-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-ranges: 0 must be 1 or more", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--min-denials: 0 must be 1 or more", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--since/--until: they limit --traffic, which is not given", run.Stderr, StringComparison.Ordinal);
    }
}

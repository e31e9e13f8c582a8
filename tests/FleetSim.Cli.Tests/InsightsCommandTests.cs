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
}

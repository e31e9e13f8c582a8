using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim --cluster silo.json` reads the FleetSim section as the silo does, and refuses what the silo would refuse.</summary>
public sealed class ClusterConfigurationTests
{
    [Fact]
    public async Task An_unknown_audit_durability_in_the_named_silo_json_is_refused_with_exit_code_2_naming_the_setting()
    {
        var silo = TempFile("silo.json", """
            { "Orleans": { "ClusterId": "fleetsim" }, "FleetSim": { "AuditDurability": "eventually" } }
            """);

        var run = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--cluster", silo);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("error: FleetSim:AuditDurability: 'eventually' is not batched or acknowledged", run.Stderr.Trim());
    }
}

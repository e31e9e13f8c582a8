namespace FleetSim.Cli.Tests;

/// <summary>A silo that cannot use what its configuration names stops at start, saying what and where.</summary>
public sealed class SiloStartTests
{
    [Fact]
    public async Task An_audit_store_nobody_answers_at_stops_the_silo_with_exit_code_3_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["FleetSim__AuditStore"] = "redis://127.0.0.1:1",
            ["FleetSim__Dashboard__Enabled"] = "false",
        }));
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("error: audit store redis://127.0.0.1:1: no Redis answered there", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_audit_durability_stops_the_silo_with_exit_code_2_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["FleetSim__AuditDurability"] = "eventually",
            ["FleetSim__Dashboard__Enabled"] = "false",
        }));
        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("FleetSim:AuditDurability: 'eventually' is not batched or acknowledged", error.Message, StringComparison.Ordinal);
    }
}

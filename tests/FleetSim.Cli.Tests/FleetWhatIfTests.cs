using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleet apply --what-if` against a running silo: what applying would do, and the decisions it would change, with nothing changed.</summary>
public sealed class FleetWhatIfTests
{
    [Fact]
    public async Task What_if_names_each_change_predicts_apply_and_changes_nothing()
    {
        await using var silo = await SiloProcess.StartAsync();
        var apply = await RunAsync(Patient, "fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway);
        Assert.True(apply.ExitCode == 0, apply.Stderr);

        var preview = await RunAsync(Patient, "fleet", "apply", Sample("fleet-proposed.json"), "--what-if", "--traffic", Sample("attempts.jsonl"), "--gateway", silo.Gateway);
        var offline = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet-proposed.json"), "--traffic", Sample("attempts.jsonl"));
        var export = await RunAsync(Patient, "fleet", "export", "--gateway", silo.Gateway);
        var applied = await RunAsync(Patient, "fleet", "apply", Sample("fleet-proposed.json"), "--gateway", silo.Gateway);

        Assert.True(preview.ExitCode == 0, preview.Stderr);
        Assert.Contains("~ change   contoso", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("    ~ firewall rule 'office' 203.0.113.0-203.0.113.255 -> 203.0.113.0-203.0.113.63", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("    ~ virtualNetworkRules", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("    - firewall rule 'AllowAllWindowsAzureIps' 0.0.0.0-0.0.0.0", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("what-if: 0 to create, 3 to change, 0 to remove, 2 unchanged; nothing was changed", preview.Stdout, StringComparison.Ordinal);
        // The decisions it would change are the ones `whatif` finds offline for the same documents.
        Assert.Equal(offline.Lines, preview.Lines.Where(l => l.StartsWith('{')));
        // Nothing changed: the running fleet is still the first document, and applying does what the preview said.
        Assert.Contains("\"endIpAddress\": \"203.0.113.255\"", export.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 created, 3 changed, 0 removed, 2 unchanged", applied.Stdout, StringComparison.Ordinal);
        foreach (var server in new[] { "contoso", "fabrikam", "tailspin" })
        {
            Assert.Contains($"~ change   {server}", preview.Stdout, StringComparison.Ordinal);
            Assert.Contains($"~ changed  {server}", applied.Stdout, StringComparison.Ordinal);
        }
    }
}

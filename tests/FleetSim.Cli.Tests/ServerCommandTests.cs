using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim server ...` against a running silo process: changes made at once all land, under az's names and the older ones.</summary>
public sealed class ServerCommandTests
{
    [Fact]
    public async Task Twenty_firewall_rules_created_at_once_by_separate_processes_all_land()
    {
        await using var silo = await SiloProcess.StartAsync();
        var apply = await RunAsync("fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway);
        Assert.True(apply.ExitCode == 0, apply.Stderr);
        var names = Enumerable.Range(0, 20).Select(i => $"burst-{i:00}").ToList();

        var runs = await Task.WhenAll(names.Select((name, i) => RunAsync(Patient, "server", "firewall-rule", "create", "-s", "contoso", "-n", name,
            "--start-ip-address", $"198.51.100.{i}", "--end-ip-address", $"198.51.100.{i}", "--gateway", silo.Gateway)));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stderr));
        var list = await RunAsync("server", "firewall-rule", "list", "-s", "contoso", "--gateway", silo.Gateway);
        Assert.All(names, name => Assert.Contains(name, list.Stdout, StringComparison.Ordinal));
        // Each process saw the fleet version its own change made: twenty changes, twenty versions.
        var versions = runs.Select(run => run.Stdout[(run.Stdout.LastIndexOf("fleet version ", StringComparison.Ordinal) + 14)..].TrimEnd().TrimEnd(')')).Distinct().Count();
        Assert.Equal(20, versions);
    }

    [Fact]
    public async Task Configuration_and_private_endpoint_connection_verbs_go_by_azs_names_and_the_older_ones_still_work()
    {
        await using var silo = await SiloProcess.StartAsync();
        var apply = await RunAsync("fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway);
        Assert.True(apply.ExitCode == 0, apply.Stderr);

        var list = await RunAsync("server", "configuration", "list", "-s", "contoso", "--gateway", silo.Gateway);
        var one = await RunAsync("server", "configuration", "show", "-s", "CONTOSO", "-n", "audit_log_events", "--gateway", silo.Gateway);
        var all = await RunAsync("server", "configuration", "show", "-s", "contoso", "--gateway", silo.Gateway);
        Assert.Contains("redirect_enabled", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("audit_log_events", one.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("redirect_enabled", one.Stdout, StringComparison.Ordinal);
        Assert.Equal(list.Stdout, all.Stdout);

        var approve = await RunAsync("server", "private-endpoint-connection", "approve", "-s", "tailspin", "-n", "pe-contractor", "--gateway", silo.Gateway);
        var reject = await RunAsync("server", "private-endpoint", "reject", "-s", "tailspin", "-n", "PE-Analytics", "--gateway", silo.Gateway);
        Assert.True(approve.ExitCode == 0 && reject.ExitCode == 0, approve.Stderr + reject.Stderr);
        var help = await RunAsync("server", "--help");
        Assert.Contains("private-endpoint-connection", help.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("private-endpoint ", help.Stdout, StringComparison.Ordinal);

        var attempt = TempFile("private-endpoints.jsonl", """
            {"id":"contractor","host":"tailspin.mariadb.database.azure.com","user":"tsadmin@tailspin","password":"Tailspin$2026","tls":"1.2","source":{"privateEndpoint":"pe-contractor"}}
            {"id":"analytics","host":"tailspin.mariadb.database.azure.com","user":"tsadmin@tailspin","password":"Tailspin$2026","tls":"1.2","source":{"privateEndpoint":"pe-analytics"}}

            """);
        var check = await RunAsync("check", Sample("fleet.json"), attempt, "--gateway", silo.Gateway, "--keep-fleet");
        Assert.Contains("\"id\":\"contractor\",\"allowed\":true", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"analytics\",\"allowed\":false", check.Stdout, StringComparison.Ordinal);
    }
}

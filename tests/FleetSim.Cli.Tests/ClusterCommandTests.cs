using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>fleetsim against a running silo process: management verbs, check, durable state, errors.</summary>
public sealed class ClusterCommandTests
{
    [Fact]
    public async Task A_fleet_applied_to_a_running_silo_is_managed_checked_and_kept_across_a_restart()
    {
        string folder;
        int port;
        await using (var silo = await SiloProcess.StartAsync())
        {
            (folder, port) = (silo.Folder, silo.GatewayPort);
            var apply = await RunAsync("fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway);
            Assert.True(apply.ExitCode == 0, apply.Stderr);
            Assert.Contains("+ created  contoso", apply.Stdout, StringComparison.Ordinal);
            Assert.Contains("5 created, 0 changed, 0 removed", apply.Stdout, StringComparison.Ordinal);

            var again = await RunAsync("fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway);
            Assert.Contains("0 created, 0 changed, 0 removed, 5 unchanged", again.Stdout, StringComparison.Ordinal);

            var list = await RunAsync("server", "list", "--gateway", silo.Gateway, "--format", "csv");
            Assert.Contains("contoso,eastus,GP_Gen5_4,Ready,Enabled,3,1,0,625", list.Stdout, StringComparison.Ordinal);

            var rule = await RunAsync("server", "firewall-rule", "create", "-s", "contoso", "-n", "home",
                "--start-ip-address", "192.0.2.44", "--end-ip-address", "192.0.2.44", "--gateway", silo.Gateway);
            Assert.True(rule.ExitCode == 0, rule.Stderr);
            Assert.Contains("home", (await RunAsync("server", "firewall-rule", "list", "-s", "contoso", "--gateway", silo.Gateway)).Stdout, StringComparison.Ordinal);

            var locked = await RunAsync("server", "firewall-rule", "create", "-s", "tailspin", "-n", "home",
                "--start-ip-address", "192.0.2.44", "--end-ip-address", "192.0.2.44", "--gateway", silo.Gateway);
            Assert.Equal(2, locked.ExitCode);
            Assert.Contains("42101", locked.Stderr, StringComparison.Ordinal);

            Assert.Equal(0, (await RunAsync("server", "start", "-n", "wingtip", "--gateway", silo.Gateway)).ExitCode);
            Assert.Contains("wingtip,eastus,GP_Gen5_2,Ready", (await RunAsync("server", "list", "--gateway", silo.Gateway, "--format", "csv")).Stdout, StringComparison.Ordinal);

            var badParameter = await RunAsync("server", "configuration", "set", "-s", "contoso", "-n", "audit_log_events", "--value", "EVERYTHING", "--gateway", silo.Gateway);
            Assert.Equal(2, badParameter.ExitCode);
            Assert.Contains("audit_log_events", badParameter.Stderr, StringComparison.Ordinal);

            var weak = await RunAsync("server", "create", "-n", "adventure", "-l", "eastus", "-u", "advadmin", "-p", "password", "--gateway", silo.Gateway);
            Assert.Equal(2, weak.ExitCode);
            Assert.Contains("administratorLoginPassword", weak.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, (await RunAsync("server", "create", "-n", "adventure", "-l", "eastus", "-u", "advadmin", "-p", "Adventure!2026", "--gateway", silo.Gateway)).ExitCode);
            Assert.Equal(0, (await RunAsync("server", "update", "-n", "adventure", "--minimal-tls-version", "TLS1_2", "--gateway", silo.Gateway)).ExitCode);
            var back = await RunAsync("server", "update", "-n", "adventure", "--minimal-tls-version", "TLSEnforcementDisabled", "--gateway", silo.Gateway);
            Assert.Equal(2, back.ExitCode);
            Assert.Contains("cannot go back", back.Stderr, StringComparison.Ordinal);
            Assert.Equal(0, (await RunAsync("server", "delete", "-n", "adventure", "--gateway", silo.Gateway)).ExitCode);
            Assert.DoesNotContain("adventure", (await RunAsync("server", "list", "--gateway", silo.Gateway)).Stdout, StringComparison.Ordinal);

            var check = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--gateway", silo.Gateway);
            Assert.Equal(File.ReadAllLines(Sample("attempts.expected.jsonl")), check.Lines);

            var restore = await RunAsync("server", "restore", "--source-server", "contoso", "-n", "contoso-restored", "--gateway", silo.Gateway);
            Assert.True(restore.ExitCode == 0, restore.Stderr);
            var attempt = TempFile("restored.jsonl",
                "{\"host\":\"contoso-restored.mariadb.database.azure.com\",\"user\":\"app@contoso-restored\",\"password\":\"Sh0p!2026\",\"source\":{\"ip\":\"203.0.113.77\"}}\n");
            var before = await RunAsync("check", Sample("fleet.json"), attempt, "--gateway", silo.Gateway, "--keep-fleet");
            Assert.Contains("\"reason\":\"FirewallDenied\"", before.Stdout, StringComparison.Ordinal);
            Assert.Equal(0, (await RunAsync("server", "firewall-rule", "create", "-s", "contoso-restored", "-n", "office",
                "--start-ip-address", "203.0.113.0", "--end-ip-address", "203.0.113.255", "--gateway", silo.Gateway)).ExitCode);
            var after = await RunAsync("check", Sample("fleet.json"), attempt, "--gateway", silo.Gateway, "--keep-fleet");
            Assert.Contains("\"reason\":\"Allowed\"", after.Stdout, StringComparison.Ordinal);

            using var http = new HttpClient();
            var dashboard = await http.GetStringAsync(new Uri(silo.DashboardUrl), TestContext.Current.CancellationToken);
            Assert.Contains("Orleans Dashboard", dashboard, StringComparison.Ordinal);
        }

        await using (var restarted = await SiloProcess.StartAsync(folder, port))
        {
            var export = await RunAsync("fleet", "export", "--gateway", restarted.Gateway);
            Assert.Equal(0, export.ExitCode);
            Assert.Contains("\"name\": \"contoso\"", export.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Contoso!2026", export.Stdout, StringComparison.Ordinal);
        }
        var stored = string.Concat(Directory.GetFiles(Path.Combine(folder, "data"), "state.db*").Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("ci-runner", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_silo_at_the_gateway_is_a_clear_message_and_exit_code_3()
    {
        var run = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"), "--gateway", "127.0.0.1:1");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no FleetSim silo answered at 127.0.0.1:1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

public sealed class ExplainCommandTests
{
    [Fact]
    public async Task Explain_shows_the_stage_that_denied_and_the_real_error()
    {
        var run = await RunAsync("explain", Sample("fleet.json"), "--user", "app@contoso", "--password", "Sh0p!2026", "--source-ip", "192.0.2.44");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("FAIL  network", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Decision: DENIED  FirewallDenied (error 9000)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Client with IP address '192.0.2.44' is not allowed to connect to this MariaDB server.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_names_the_rule_that_allowed()
    {
        var run = await RunAsync("explain", Sample("fleet.json"), "--user", "app@contoso", "--password", "Sh0p!2026",
            "--subnet", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/app",
            "--source-ip", "10.1.1.4", "--json");
        Assert.Equal(0, run.ExitCode);
        var decision = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("shop-app", decision.GetProperty("rule").GetString());
        Assert.Equal(["dns", "gateway", "route", "source", "server-state", "tls", "network", "authentication", "max_connections"],
            decision.GetProperty("trace").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task Explain_rejects_a_bad_address_naming_the_option()
    {
        var run = await RunAsync("explain", Sample("fleet.json"), "--user", "app@contoso", "--source-ip", "1.2.3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--source-ip: '1.2.3' is not an IPv4 address", run.Stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public async Task The_sample_attempts_are_decided_as_the_reviewed_expectations_say()
    {
        var run = await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllLines(Sample("attempts.expected.jsonl")), run.Lines);
    }

    [Fact]
    public async Task Every_reason_but_capacity_appears_in_the_sample_and_capacity_in_its_own()
    {
        var reasons = (await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"))).Lines
            .Concat((await RunAsync("check", Sample("fleet.json"), Sample("max-connections.jsonl"))).Lines)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString())
            .ToHashSet();
        Assert.Equal(Enum.GetNames<Policy.Decisions.ConnectionReason>().Order(StringComparer.Ordinal), reasons.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Held_connections_fill_a_basic_server_and_the_next_login_gets_1040()
    {
        var run = await RunAsync("check", Sample("fleet.json"), Sample("max-connections.jsonl"));
        var reasons = run.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString()).ToList();
        Assert.Equal(Enumerable.Repeat("Allowed", 50).Append("TooManyConnections"), reasons);
    }

    [Fact]
    public async Task A_bad_attempts_file_is_rejected_with_every_problem_and_its_line()
    {
        var attempts = TempFile("bad.jsonl", """
            {"id":"ok","host":"contoso.mariadb.database.azure.com","user":"app@contoso","tls":"1.2","source":{"ip":"203.0.113.7"}}
            {"id":"bad-ip","host":"contoso.mariadb.database.azure.com","user":"app@contoso","tls":"1.2","source":{"ip":"10.0.0.300"}}

            {"id":"bad-tls","host":"contoso.mariadb.database.azure.com","user":"app@contoso","tls":"2.0","source":{"ip":"203.0.113.7"}}
            {"id":"broken", "host":
            {"id":"typo","hots":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"}}
            """);
        var run = await RunAsync("check", Sample("fleet.json"), attempts);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("bad.jsonl: line 2: source.ip: '10.0.0.300' is not an IPv4 address", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl: line 4: tls: '2.0' is not one of none, 1.0, 1.1, 1.2, 1.3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl: line 5:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl: line 6: hots:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_subnet_must_exist_and_hold_the_source_address()
    {
        var attempts = TempFile("subnets.jsonl", """
            {"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"subnet":"/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/virtualNetworks/z/subnets/none","ip":"10.1.1.4"}}
            {"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"subnet":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/app","ip":"10.9.9.9"}}
            """);
        var run = await RunAsync("check", Sample("fleet.json"), attempts);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 1: source.subnet:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 2: source.ip: '10.9.9.9' is not inside subnet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_fleet_is_rejected_whole_with_every_error_as_path_and_message()
    {
        var fleet = File.ReadAllText(Sample("fleet.json"))
            .Replace("\"endIpAddress\": \"203.0.113.255\"", "\"endIpAddress\": \"203.0.113.300\"", StringComparison.Ordinal)
            .Replace("\"sku\": \"B_Gen5_1\"", "\"sku\": \"B_Gen5_3\"", StringComparison.Ordinal);
        var run = await RunAsync("check", TempFile("fleet.json", fleet), Sample("attempts.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("fleet.json: servers[0].firewallRules[0].endIpAddress: '203.0.113.300' is not an IPv4 address", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("fleet.json: servers[1].sku: 'B_Gen5_3'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_clear_error_not_a_stack_trace()
    {
        var run = await RunAsync("check", Sample("fleet.json"), "no-such-file.jsonl");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-file.jsonl", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_teaches_the_verbs()
    {
        var run = await RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("check", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("explain", run.Stdout, StringComparison.Ordinal);
    }
}

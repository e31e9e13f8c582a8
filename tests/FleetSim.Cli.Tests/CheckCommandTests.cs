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
    public async Task Every_reason_but_capacity_and_client_timeouts_appears_in_the_sample_and_those_in_their_own()
    {
        var reasons = (await RunAsync("check", Sample("fleet.json"), Sample("attempts.jsonl"))).Lines
            .Concat((await RunAsync("check", Sample("fleet.json"), Sample("max-connections.jsonl"))).Lines)
            .Concat((await RunAsync("check", Sample("model-fleet.json"), Sample("model-attempts.jsonl"))).Lines)
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
    public async Task A_source_gives_one_form_and_two_forms_at_once_are_refused_with_the_line()
    {
        var attempts = TempFile("forms.jsonl", """
            {"id":"pe-and-ip","host":"tailspin.mariadb.database.azure.com","user":"tsadmin@tailspin","source":{"ip":"1.2.3.4","privateEndpoint":"pe-analytics"}}
            {"id":"azure-in-subnet","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"subnet":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/app","ip":"10.1.1.4","azure":true}}
            {"id":"azure","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"52.160.0.9","azure":true}}
            {"id":"subnet","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"subnet":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/app","ip":"10.1.1.4"}}
            """);
        var run = await RunAsync("check", Sample("fleet.json"), attempts);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("forms.jsonl: line 1: source: ip and privateEndpoint are two forms at once; give one of", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("forms.jsonl: line 2: source: ip, azure and subnet are two forms at once", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3:", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_attempts_with_one_id_are_refused_since_the_output_could_not_be_matched_to_them()
    {
        var attempts = TempFile("ids.jsonl", """
            {"id":"office","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"}}
            {"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"}}
            {"id":"office","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.8"}}
            {"id":"2","host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.9"}}
            """);
        var run = await RunAsync("check", Sample("fleet.json"), attempts);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("ids.jsonl: line 3: id: 'office' is already the id of line 1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ids.jsonl: line 4: id: '2' is already the id of line 2", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["office"]""", "expected an attempt object")]
    [InlineData("\"office\"", "expected an attempt object")]
    [InlineData("null", "expected an attempt object, not null")]
    [InlineData("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":["203.0.113.7"]}""", "source: expected an object")]
    [InlineData("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"},"hold":"yes"}""", "hold: expected true or false")]
    [InlineData("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"},"at":5}""", "at: expected a date and time")]
    [InlineData("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"},"statements":"SELECT 1"}""", "statements: expected an array")]
    [InlineData("""{"hots":"contoso.mariadb.database.azure.com","user":"app@contoso","source":{"ip":"203.0.113.7"}}""", "hots: unknown property; did you mean 'host'?")]
    public async Task A_line_of_the_wrong_shape_says_what_was_expected_in_the_files_terms(string line, string error)
    {
        var run = await RunAsync("check", Sample("fleet.json"), TempFile("shapes.jsonl", line));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("shapes.jsonl: line 1: " + error, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("FleetSim.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
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

using System.Text.Json;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Validation;

public sealed class FleetSpecReaderTests
{
    // A valid document; tests replace one marked line.
    private const string Document = """
        {
          // Comments and trailing commas are welcome in hand-written fleets.
          "regions": [ { "name": "westeurope", "gateways": [ { "ip": "13.69.105.208" } ] } ],
          "servers": [
            {
              "name": "contoso", "region": "westeurope", "administratorLogin": "fleetadmin", "administratorLoginPassword": "Fl33t-Passw0rd",
              "firewallRules": [ { "name": "office", "startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255" } ],
            },
          ],
        }
        """;

    private const string FirewallLine = """ "firewallRules": [ { "name": "office", "startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255" } ],""";

    private static FleetSpecException Rejected(string json) => Assert.Throws<FleetSpecException>(() => FleetSpecReader.Read(json, "fleet.json"));

    private static string WithFirewallLine(string replacement) => Document.Replace(FirewallLine, replacement, StringComparison.Ordinal);

    [Fact]
    public void Reads_a_valid_document_with_comments_and_trailing_commas()
    {
        var fleet = FleetSpecReader.Read(Document, "fleet.json");

        var server = Assert.Single(fleet.Servers);
        Assert.Equal("contoso", server.Name);
        Assert.Equal("203.0.113.255", Assert.Single(server.FirewallRules).EndIpAddress);
    }

    [Fact]
    public void Omitted_fields_take_the_real_services_defaults()
    {
        var server = Assert.Single(FleetSpecReader.Read(WithFirewallLine(""), "fleet.json").Servers);

        Assert.Equal("Enabled", server.SslEnforcement);
        Assert.Equal("TLSEnforcementDisabled", server.MinimalTlsVersion);
        Assert.Equal("Enabled", server.PublicNetworkAccess);
        Assert.Equal("Ready", server.State);
        Assert.Equal("GP_Gen5_2", server.Sku);
        Assert.Empty(server.FirewallRules);
        Assert.Empty(server.VirtualNetworkRules);
        Assert.Empty(server.Configurations);
        Assert.Null(server.ThreatProtection);
    }

    [Fact]
    public void Threat_protection_is_disabled_unless_enabled()
    {
        var server = Assert.Single(FleetSpecReader.Read(WithFirewallLine(""" "threatProtection": {}, """), "fleet.json").Servers);

        Assert.Equal("Disabled", server.ThreatProtection?.State);
    }

    [Fact]
    public void A_syntax_error_names_the_line()
    {
        var exception = Rejected(WithFirewallLine(""" "firewallRules": [ { "name": "office" "startIpAddress": "203.0.113.0" } ], """));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("line 7: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        Assert.StartsWith("fleet.json: line 7: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_names_the_line_and_the_path()
    {
        var exception = Rejected(WithFirewallLine(""" "firewallRules": { "name": "office" }, """));

        Assert.Equal("fleet.json: line 7: servers[0].firewallRules: expected an array", exception.Message);
    }

    [Fact]
    public void An_unknown_property_is_rejected_with_its_path_and_a_suggestion()
    {
        var exception = Rejected(WithFirewallLine(""" "firewallRule": [], """));

        Assert.Equal(["line 7: servers[0].firewallRule: unknown property; did you mean 'firewallRules'?"], exception.Errors);
    }

    [Fact]
    public void Property_names_are_camelCase_exactly()
    {
        var exception = Rejected(WithFirewallLine(""" "FirewallRules": [], """));

        Assert.Equal(["line 7: servers[0].FirewallRules: unknown property; did you mean 'firewallRules'?"], exception.Errors);
    }

    [Fact]
    public void An_unknown_property_far_from_any_known_one_lists_the_known_ones()
    {
        var exception = Rejected(Document.Replace("\"ip\": \"13.69.105.208\"", "\"ip\": \"13.69.105.208\", \"weight\": 3", StringComparison.Ordinal));

        Assert.Equal(["line 3: regions[0].gateways[0].weight: unknown property; expected one of ip, state"], exception.Errors);
    }

    [Fact]
    public void Null_is_refused_where_the_model_has_no_null() =>
        Assert.Equal(["line 7: servers[0].firewallRules: expected an array, not null"], Rejected(WithFirewallLine(""" "firewallRules": null, """)).Errors);

    [Fact]
    public void A_repeated_property_is_refused() =>
        Assert.Equal(["line 7: servers[0].firewallRules: duplicate property; each property may appear once"],
            Rejected(WithFirewallLine(""" "firewallRules": [], "firewallRules": [], """)).Errors);

    [Fact]
    public void A_number_where_a_string_is_expected_says_to_quote_it() =>
        Assert.Equal(["line 7: servers[0].configurations.max_connections: expected a string; write it in quotes: \"500\""],
            Rejected(WithFirewallLine(""" "configurations": { "max_connections": 500 }, """)).Errors);

    [Theory]
    [InlineData("\"retentionDays\": \"30\"", "expected an integer")]
    [InlineData("\"retentionDays\": 7.5", "expected an integer")]
    [InlineData("\"emailAddresses\": \"secops@contoso.com\"", "expected an array")]
    public void Threat_protection_values_have_their_types(string property, string message)
    {
        var exception = Rejected(WithFirewallLine($$"""
            "threatProtection": { {{property}} },
            """));

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("line 7: servers[0].threatProtection.", error, StringComparison.Ordinal);
        Assert.EndsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "line 1: expected a fleet object")]
    [InlineData("[ { \"regions\": [] } ]", "line 1: expected a fleet object")]
    [InlineData("\"fleet.json\"", "line 1: expected a fleet object")]
    [InlineData("null", "line 1: expected a fleet object, not null")]
    [InlineData("", "line 1: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.")]
    public void A_document_is_an_object(string json, string error) => Assert.Equal([error], Rejected(json).Errors);

    [Fact]
    public void A_document_breaking_rules_is_rejected_whole_with_every_error_each_on_its_own_line()
    {
        var json = Document
            .Replace("13.69.105.208", "13.69.105.300", StringComparison.Ordinal)
            .Replace("203.0.113.255", "::1", StringComparison.Ordinal);

        var exception = Rejected(json);

        Assert.Equal(
            [
                "regions[0].gateways[0].ip: '13.69.105.300' is not an IPv4 address",
                "servers[0].firewallRules[0].endIpAddress: '::1' is not an IPv4 address: the firewall supports IPv4 only",
            ],
            exception.Errors);
        Assert.Equal(
            "fleet.json: regions[0].gateways[0].ip: '13.69.105.300' is not an IPv4 address\n"
            + "fleet.json: servers[0].firewallRules[0].endIpAddress: '::1' is not an IPv4 address: the firewall supports IPv4 only",
            exception.Message);
    }

    [Fact]
    public void ReadFile_names_the_file_in_its_messages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fleet-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"regions\": [] }");
        try
        {
            var exception = Assert.Throws<FleetSpecException>(() => FleetSpecReader.ReadFile(path));

            Assert.Equal(path, exception.SourceName);
            Assert.Equal($"{path}: regions: at least one region is required", exception.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_fleet_written_with_the_reader_options_reads_back_the_same()
    {
        var written = JsonSerializer.Serialize(Fleets.With(), FleetSpecReader.Options);

        var read = FleetSpecReader.Read(written, "written.json");

        Assert.Equal(written, JsonSerializer.Serialize(read, FleetSpecReader.Options));
        Assert.Contains("\"firewallRules\": []", written, StringComparison.Ordinal);
    }
}

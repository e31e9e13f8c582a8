using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

public sealed class FirewallRulesTests
{
    private static string ErrorOf(params FirewallRuleSpec[] rules) => Fleets.Error(Fleets.Server().WithFirewallRules(rules));

    [Fact]
    public void A_server_has_at_most_128_firewall_rules_and_the_message_names_the_count()
    {
        var rules = Enumerable.Range(0, 130).Select(i => Fleets.Rule($"r{i}", "10.0.0.1", "10.0.0.1")).ToArray();

        Assert.Equal("servers[0].firewallRules: a server has at most 128 firewall rules; this one has 130", ErrorOf(rules));
    }

    [Fact]
    public void Exactly_128_firewall_rules_are_allowed()
    {
        var rules = Enumerable.Range(0, 128).Select(i => Fleets.Rule($"r{i}", "10.0.0.1", "10.0.0.1")).ToArray();

        Assert.Empty(Fleets.Errors(Fleets.Server().WithFirewallRules(rules)));
    }

    [Fact]
    public void Firewall_rule_name_is_required() =>
        Assert.Equal("servers[0].firewallRules[0].name: is required", ErrorOf(Fleets.Rule("", "10.0.0.1", "10.0.0.1")));

    [Theory]
    [InlineData("office vpn")]
    [InlineData("office/vpn")]
    [InlineData("bureau-été")]
    public void Firewall_rule_name_is_letters_digits_hyphens_underscores_and_periods(string name) =>
        Assert.Equal($"servers[0].firewallRules[0].name: '{name}' must be 1-128 characters of letters, digits, '-', '_' and '.'", ErrorOf(Fleets.Rule(name, "10.0.0.1", "10.0.0.1")));

    [Fact]
    public void Firewall_rule_name_is_at_most_128_characters()
    {
        var name = new string('r', 129);

        Assert.Equal($"servers[0].firewallRules[0].name: '{name}' must be 1-128 characters of letters, digits, '-', '_' and '.'", ErrorOf(Fleets.Rule(name, "10.0.0.1", "10.0.0.1")));
    }

    [Fact]
    public void Firewall_rule_names_are_unique_per_server_ignoring_case()
    {
        var error = ErrorOf(Fleets.Rule("AllowOffice", "10.0.0.1", "10.0.0.1"), Fleets.Rule("allowoffice", "10.0.0.2", "10.0.0.2"));

        Assert.Equal("servers[0].firewallRules[1].name: 'allowoffice' is already used by servers[0].firewallRules[0].name", error);
    }

    [Fact]
    public void Two_servers_may_have_firewall_rules_of_the_same_name()
    {
        var rule = Fleets.Rule("AllowOffice", "10.0.0.1", "10.0.0.1");

        Assert.Empty(Fleets.Errors(Fleets.With(Fleets.Server("one").WithFirewallRules(rule), Fleets.Server("two").WithFirewallRules(rule))));
    }

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0")]
    [InlineData("office")]
    public void Firewall_rule_addresses_must_be_IPv4(string address)
    {
        Assert.Equal($"servers[0].firewallRules[0].startIpAddress: '{address}' is not an IPv4 address", ErrorOf(Fleets.Rule("r", address, "10.0.0.1")));
        Assert.Equal($"servers[0].firewallRules[0].endIpAddress: '{address}' is not an IPv4 address", ErrorOf(Fleets.Rule("r", "10.0.0.1", address)));
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("::")]
    public void Firewall_rule_addresses_in_IPv6_are_refused_because_the_firewall_supports_IPv4_only(string address) =>
        Assert.Equal($"servers[0].firewallRules[0].endIpAddress: '{address}' is not an IPv4 address: the firewall supports IPv4 only", ErrorOf(Fleets.Rule("r", "10.0.0.1", address)));

    [Fact]
    public void Firewall_rule_addresses_are_required()
    {
        var errors = Fleets.Errors(Fleets.Server().WithFirewallRules(new FirewallRuleSpec { Name = "r" }));

        Assert.Equal(["servers[0].firewallRules[0].startIpAddress: is required", "servers[0].firewallRules[0].endIpAddress: is required"], errors);
    }

    [Fact]
    public void Firewall_rule_start_must_not_exceed_end() =>
        Assert.Equal("servers[0].firewallRules[0].startIpAddress: '10.0.0.9' is after endIpAddress '10.0.0.1'; the start must not exceed the end",
            ErrorOf(Fleets.Rule("r", "10.0.0.9", "10.0.0.1")));

    [Theory]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("0.0.0.0", "255.255.255.255")]
    [InlineData("10.0.0.5", "10.0.0.5")]
    public void Allow_Azure_services_the_whole_internet_and_single_addresses_are_valid_rules(string start, string end) =>
        Assert.Empty(Fleets.Errors(Fleets.Server().WithFirewallRules(Fleets.Rule("r", start, end))));
}

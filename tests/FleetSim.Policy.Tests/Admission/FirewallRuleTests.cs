using FleetSim.Policy.Decisions;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Network access", check 4: default deny, then IP firewall rules allow.</summary>
public sealed class FirewallRuleTests
{
    [Fact]
    public void With_no_rules_every_client_is_denied_with_9000_naming_its_address()
    {
        var verdict = Admissions.Admit(Servers.Contoso, Clients.Internet("198.51.100.23"));

        Assert.Equal(new Verdict(ConnectionReason.FirewallDenied, 9000, "Client with IP address '198.51.100.23' is not allowed to connect to this MariaDB server."), verdict);
    }

    [Fact]
    public void With_no_rules_an_Azure_address_is_denied_too() =>
        Assert.Equal(ConnectionReason.FirewallDenied, Admissions.Admit(Servers.Contoso, Clients.Azure()).Reason);

    [Theory]
    [InlineData("198.51.100.10", true)]
    [InlineData("198.51.100.15", true)]
    [InlineData("198.51.100.20", true)]
    [InlineData("198.51.100.9", false)]
    [InlineData("198.51.100.21", false)]
    public void A_rule_admits_the_addresses_from_its_start_to_its_end_inclusive(string ip, bool admitted)
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.Rule("office", "198.51.100.10", "198.51.100.20")] };

        Assert.Equal(admitted, Admissions.Admit(server, Clients.Internet(ip)).Allowed);
    }

    [Fact]
    public void The_allow_Azure_services_rule_admits_an_Azure_address()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.AllowAllAzureIps] };

        Assert.Equal(Verdict.Allow(Servers.AllowAllAzureIpsName), Admissions.Admit(server, Clients.Azure()));
    }

    [Fact]
    public void The_allow_Azure_services_rule_does_not_admit_an_internet_address()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.AllowAllAzureIps] };

        Assert.Equal(ConnectionReason.FirewallDenied, Admissions.Admit(server, Clients.Internet()).Reason);
    }

    // Azure traffic is presented as 0.0.0.0 [FleetSim rule], so any range holding 0.0.0.0 admits it.
    [Fact]
    public void Any_rule_whose_range_contains_0_0_0_0_admits_Azure_traffic()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.Rule("low", "0.0.0.0", "0.0.0.9")] };

        Assert.Equal(Verdict.Allow("low"), Admissions.Admit(server, Clients.Azure()));
    }

    [Theory]
    [InlineData("0.0.0.1")]
    [InlineData(Clients.InternetIp)]
    [InlineData("255.255.255.255")]
    public void The_rule_0_0_0_0_to_255_255_255_255_admits_the_whole_internet(string ip)
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.AllowWholeInternet] };

        Assert.Equal(Verdict.Allow("AllowAll"), Admissions.Admit(server, Clients.Internet(ip)));
    }

    [Fact]
    public void The_verdict_names_the_narrowest_matching_rule()
    {
        var server = Servers.Contoso with
        {
            FirewallRules =
            [
                Servers.AllowWholeInternet,
                Servers.Rule("office-lan", "203.0.113.0", "203.0.113.255"),
                Servers.Rule("build-agent", Clients.InternetIp, Clients.InternetIp),
                Servers.Rule("office-wan", "203.0.112.0", "203.0.115.255"),
            ],
        };

        Assert.Equal(Verdict.Allow("build-agent"), Admissions.Admit(server, Clients.Internet()));
    }

    [Fact]
    public void Between_equally_narrow_matching_rules_the_verdict_names_the_first_by_name()
    {
        var server = Servers.Contoso with
        {
            FirewallRules =
            [
                Servers.Rule("zeta", "203.0.113.0", "203.0.113.15"),
                Servers.Rule("alpha", "203.0.113.0", "203.0.113.15"),
                Servers.Rule("mid", "203.0.113.4", "203.0.113.19"),
            ],
        };

        Assert.Equal(Verdict.Allow("alpha"), Admissions.Admit(server, Clients.Internet()));
    }

    [Fact]
    public void For_an_Azure_address_the_narrower_of_its_own_rule_and_the_Azure_services_rule_is_named()
    {
        var ownRule = Servers.Rule("vm-subnet", "20.50.1.0", "20.50.1.255");

        var withAzureServices = Servers.Contoso with { FirewallRules = [ownRule, Servers.AllowAllAzureIps] };
        var withWideAzureRange = Servers.Contoso with { FirewallRules = [ownRule, Servers.Rule("low-range", "0.0.0.0", "1.0.0.0")] };

        Assert.Equal(Verdict.Allow(Servers.AllowAllAzureIpsName), Admissions.Admit(withAzureServices, Clients.Azure()));
        Assert.Equal(Verdict.Allow("vm-subnet"), Admissions.Admit(withWideAzureRange, Clients.Azure()));
    }
}

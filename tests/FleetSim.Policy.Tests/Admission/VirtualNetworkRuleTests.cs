using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Tests.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Network access", check 3: service-endpoint traffic is judged by VNet rules, not IP rules.</summary>
public sealed class VirtualNetworkRuleTests
{
    private const string VnetDeniedText = "Client from Azure Virtual Networks is not allowed to access the server.";
    private const string PrivateIp = "10.0.1.4";

    private static readonly PresentedSource FromEndpointSubnet = Clients.ServiceEndpoint(Fleets.EndpointSubnetId, PrivateIp);

    [Fact]
    public void A_service_endpoint_subnet_is_allowed_by_a_VNet_rule_naming_that_subnet_and_the_verdict_names_the_rule()
    {
        var server = Servers.Contoso with { VirtualNetworkRules = [Servers.VnetRule("apps-subnet", Fleets.EndpointSubnetId)] };

        var verdict = Admissions.Admit(server, FromEndpointSubnet);

        Assert.Equal(Verdict.Allow("apps-subnet"), verdict);
    }

    [Fact]
    public void A_VNet_rule_naming_another_subnet_of_the_same_network_does_not_admit_it()
    {
        var server = Servers.Contoso with { VirtualNetworkRules = [Servers.VnetRule("jobs-subnet", Fleets.PlainSubnetId)] };

        Assert.Equal(new Verdict(ConnectionReason.VnetDenied, 40914, VnetDeniedText), Admissions.Admit(server, FromEndpointSubnet));
    }

    [Fact]
    public void A_service_endpoint_subnet_is_denied_with_40914_even_when_an_IP_rule_contains_its_private_address()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.Rule("vnet-range", "10.0.0.0", "10.0.255.255")] };

        Assert.Equal(new Verdict(ConnectionReason.VnetDenied, 40914, VnetDeniedText), Admissions.Admit(server, FromEndpointSubnet));
    }

    [Fact]
    public void The_allow_Azure_services_rule_admits_a_service_endpoint_subnet_of_any_customer()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.AllowAllAzureIps] };

        Assert.Equal(Verdict.Allow(Servers.AllowAllAzureIpsName), Admissions.Admit(server, FromEndpointSubnet));
    }

    [Fact]
    public void A_subnet_without_the_endpoint_is_judged_by_the_IP_firewall_from_its_outbound_address()
    {
        var fleet = Fleets.With(Servers.Contoso with { FirewallRules = [Servers.Rule("jobs-egress", Fleets.PlainSubnetOutboundIp, Fleets.PlainSubnetOutboundIp)] });
        var attempt = Attempts.To("contoso") with { Source = new ClientSource.Subnet(Fleets.PlainSubnetId, Ipv4.Parse("10.0.2.4")) };

        Assert.Equal(Verdict.Allow("jobs-egress"), Connections.Connect(fleet, attempt));
    }

    // ignoreMissingVnetServiceEndpoint lets the rule exist, but it admits nothing until the endpoint does.
    [Fact]
    public void A_subnet_without_the_endpoint_is_not_admitted_by_a_VNet_rule_naming_it_and_gets_9000_for_its_outbound_address()
    {
        var rule = Servers.VnetRule("jobs-subnet", Fleets.PlainSubnetId) with { IgnoreMissingVnetServiceEndpoint = true };
        var fleet = Fleets.With(Servers.Contoso with { VirtualNetworkRules = [rule] });
        var attempt = Attempts.To("contoso") with { Source = new ClientSource.Subnet(Fleets.PlainSubnetId, Ipv4.Parse("10.0.2.4")) };

        var verdict = Connections.Connect(fleet, attempt);

        Assert.Equal(ConnectionReason.FirewallDenied, verdict.Reason);
        Assert.Equal($"Client with IP address '{Fleets.PlainSubnetOutboundIp}' is not allowed to connect to this MariaDB server.", verdict.Message);
    }

    [Fact]
    public void A_subnet_without_the_endpoint_is_admitted_by_the_allow_Azure_services_rule_because_its_outbound_address_is_Azure_s()
    {
        var fleet = Fleets.With(Servers.Contoso with { FirewallRules = [Servers.AllowAllAzureIps] });
        var attempt = Attempts.To("contoso") with { Source = new ClientSource.Subnet(Fleets.PlainSubnetId, Ipv4.Parse("10.0.2.4")) };

        Assert.Equal(Verdict.Allow(Servers.AllowAllAzureIpsName), Connections.Connect(fleet, attempt));
    }
}

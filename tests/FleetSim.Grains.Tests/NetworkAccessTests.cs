using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>DOMAIN.md, "Network access: default deny, then allow rules", through the grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NetworkAccessTests(ClusterFixture cluster)
{
    private async Task<ConnectResult> Connect(ServerSpec server, ConnectRequest request)
    {
        var connector = await cluster.Provision(With(server));
        return await cluster.Connect(connector, request);
    }

    [Fact]
    public async Task A_new_server_without_rules_denies_everyone_with_9000()
    {
        var result = await Connect(Contoso(), Login("203.0.113.7"));
        Assert.Equal((ConnectionReason.FirewallDenied, 9000), (result.Reason, result.Code));
        Assert.Equal("Client with IP address '203.0.113.7' is not allowed to connect to this MariaDB server.", result.Message);
    }

    [Fact]
    public async Task The_narrowest_matching_firewall_rule_is_named()
    {
        var server = Contoso(Rule("office", "203.0.113.0", "203.0.113.255"), Rule("laptop", "203.0.113.7"));
        var result = await Connect(server, Login("203.0.113.7"));
        Assert.Equal((ConnectionReason.Allowed, "laptop"), (result.Reason, result.Rule));
    }

    [Fact]
    public async Task Allow_Azure_services_admits_Azure_addresses_but_not_the_internet()
    {
        var server = Contoso(Rule("AllowAllWindowsAzureIps", "0.0.0.0"));
        var azure = await Connect(server, From(new SourceAddress("20.42.7.19", Azure: true)));
        var internet = await Connect(server, Login("20.42.7.19"));
        Assert.Equal((ConnectionReason.Allowed, "AllowAllWindowsAzureIps"), (azure.Reason, azure.Rule));
        Assert.Equal(ConnectionReason.FirewallDenied, internet.Reason);
    }

    [Fact]
    public async Task A_rule_for_the_whole_address_space_opens_the_server_to_the_internet()
    {
        var result = await Connect(Contoso(Rule("everyone", "0.0.0.0", "255.255.255.255")), Login("8.8.8.8"));
        Assert.Equal((ConnectionReason.Allowed, "everyone"), (result.Reason, result.Rule));
    }

    [Fact]
    public async Task Service_endpoint_traffic_is_allowed_by_a_vnet_rule_naming_its_subnet()
    {
        var server = Contoso() with { VirtualNetworkRules = [new VirtualNetworkRuleSpec { Name = "app", VirtualNetworkSubnetId = AppSubnet }] };
        var result = await Connect(server, From(new SourceAddress("10.1.1.4", Subnet: AppSubnet)));
        Assert.Equal((ConnectionReason.Allowed, "app"), (result.Reason, result.Rule));
    }

    [Fact]
    public async Task Service_endpoint_traffic_is_not_matched_by_ip_rules()
    {
        var server = Contoso(Rule("private-range", "10.0.0.0", "10.255.255.255"));
        var result = await Connect(server, From(new SourceAddress("10.1.1.4", Subnet: AppSubnet)));
        Assert.Equal((ConnectionReason.VnetDenied, 40914), (result.Reason, result.Code));
        Assert.Equal("Client from Azure Virtual Networks is not allowed to access the server.", result.Message);
    }

    [Fact]
    public async Task Service_endpoint_traffic_is_allowed_by_the_Azure_services_rule()
    {
        var result = await Connect(Contoso(Rule("AllowAllAzureIps", "0.0.0.0")), From(new SourceAddress("10.1.1.4", Subnet: AppSubnet)));
        Assert.Equal((ConnectionReason.Allowed, "AllowAllAzureIps"), (result.Reason, result.Rule));
    }

    [Fact]
    public async Task A_subnet_without_the_endpoint_is_judged_by_its_outbound_address()
    {
        var result = await Connect(Contoso(Rule("legacy-nat", LegacyOutboundIp)), From(new SourceAddress("10.1.3.4", Subnet: LegacySubnet)));
        Assert.Equal((ConnectionReason.Allowed, "legacy-nat"), (result.Reason, result.Rule));
    }

    [Fact]
    public async Task Disabled_public_network_access_denies_even_a_matching_rule_with_47073()
    {
        var server = Contoso(Rule("office", "203.0.113.7")) with { PublicNetworkAccess = "Disabled" };
        var result = await Connect(server, Login("203.0.113.7"));
        Assert.Equal((ConnectionReason.PublicNetworkAccessDisabled, 47073), (result.Reason, result.Code));
    }

    [Theory]
    [InlineData("Approved", ConnectionReason.Allowed)]
    [InlineData("Pending", ConnectionReason.PrivateEndpointNotApproved)]
    [InlineData("Rejected", ConnectionReason.PrivateEndpointNotApproved)]
    public async Task Only_an_approved_private_endpoint_connection_lets_a_client_in(string status, ConnectionReason reason)
    {
        var server = Contoso() with
        {
            PublicNetworkAccess = "Disabled",
            PrivateEndpointConnections = [new PrivateEndpointConnectionSpec { Name = "pe-app", Status = status }],
        };
        var result = await Connect(server, From(new SourceAddress(null, PrivateEndpoint: "pe-app")));
        Assert.Equal(reason, result.Reason);
    }
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>A server's virtual network rules, against the declared subnets.</summary>
public sealed class ServerVirtualNetworkRulesTests
{
    private static ServerSpec WithRules(params VirtualNetworkRuleSpec[] rules) => Fleets.Server() with { VirtualNetworkRules = [.. rules] };

    [Fact]
    public void A_rule_for_a_subnet_with_the_Microsoft_Sql_endpoint_is_valid() =>
        Assert.Empty(Fleets.Errors(WithRules(Fleets.VnetRule("web", Fleets.WebSubnet))));

    [Theory]
    [InlineData("B_Gen5_1")]
    [InlineData("B_Gen5_2")]
    public void Virtual_network_rules_need_General_Purpose_or_Memory_Optimized(string sku)
    {
        Assert.Equal($"servers[0].virtualNetworkRules: virtual network rules need the General Purpose or Memory Optimized tier; '{sku}' is Basic",
            Fleets.Error(WithRules(Fleets.VnetRule("web", Fleets.WebSubnet)) with { Sku = sku }));
    }

    [Theory]
    [InlineData("GP_Gen5_4")]
    [InlineData("MO_Gen5_2")]
    public void General_Purpose_and_Memory_Optimized_servers_take_virtual_network_rules(string sku) =>
        Assert.Empty(Fleets.Errors(WithRules(Fleets.VnetRule("web", Fleets.WebSubnet)) with { Sku = sku }));

    [Fact]
    public void Virtual_network_rule_name_is_required() =>
        Assert.Equal("servers[0].virtualNetworkRules[0].name: is required", Fleets.Error(WithRules(Fleets.VnetRule("", Fleets.WebSubnet))));

    [Fact]
    public void Virtual_network_rule_names_are_unique_per_server()
    {
        var error = Fleets.Error(WithRules(Fleets.VnetRule("app", Fleets.WebSubnet), Fleets.VnetRule("APP", Fleets.BatchSubnet, ignoreMissingEndpoint: true)));

        Assert.Equal("servers[0].virtualNetworkRules[1].name: 'APP' is already used by servers[0].virtualNetworkRules[0].name", error);
    }

    [Theory]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/app-vnet/subnets/nope")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/app-vnet")]
    [InlineData("web")]
    public void Virtual_network_rule_must_name_a_declared_subnet(string subnetId)
    {
        Assert.Equal(
            $"servers[0].virtualNetworkRules[0].virtualNetworkSubnetId: '{subnetId}' is not a declared subnet; expected {{virtual network id}}/subnets/{{name}} of a subnet in virtualNetworks",
            Fleets.Error(WithRules(Fleets.VnetRule("r", subnetId))));
    }

    [Fact]
    public void Subnet_ids_match_ignoring_case_as_in_ARM() =>
        Assert.Empty(Fleets.Errors(WithRules(Fleets.VnetRule("web", Fleets.WebSubnet.ToUpperInvariant()))));

    [Fact]
    public void Virtual_network_rule_subnet_must_be_in_the_servers_region()
    {
        Assert.Equal(
            "servers[0].virtualNetworkRules[0].virtualNetworkSubnetId: the subnet's virtual network is in region 'northeurope', the server in 'westeurope'; a virtual network rule needs a subnet in the server's region",
            Fleets.Error(WithRules(Fleets.VnetRule("north", Fleets.NorthSubnet))));
    }

    [Fact]
    public void Virtual_network_rule_for_a_subnet_without_the_Microsoft_Sql_endpoint_is_refused()
    {
        Assert.Equal(
            "servers[0].virtualNetworkRules[0].virtualNetworkSubnetId: the subnet has no 'Microsoft.Sql' service endpoint; add it to the subnet's serviceEndpoints or set ignoreMissingVnetServiceEndpoint to create the rule before it",
            Fleets.Error(WithRules(Fleets.VnetRule("batch", Fleets.BatchSubnet))));
    }

    [Fact]
    public void IgnoreMissingVnetServiceEndpoint_lets_the_rule_exist_before_the_endpoint() =>
        Assert.Empty(Fleets.Errors(WithRules(Fleets.VnetRule("batch", Fleets.BatchSubnet, ignoreMissingEndpoint: true))));

    [Fact]
    public void A_server_names_each_subnet_in_one_rule_only()
    {
        var error = Fleets.Error(WithRules(Fleets.VnetRule("one", Fleets.WebSubnet), Fleets.VnetRule("two", Fleets.WebSubnet.ToUpperInvariant())));

        Assert.Equal($"servers[0].virtualNetworkRules[1].virtualNetworkSubnetId: '{Fleets.WebSubnet.ToUpperInvariant()}' is already used by servers[0].virtualNetworkRules[0].virtualNetworkSubnetId", error);
    }
}

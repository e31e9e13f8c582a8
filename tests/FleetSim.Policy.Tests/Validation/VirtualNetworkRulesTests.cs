using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>The declared virtual networks and subnets (not the servers' virtual network rules).</summary>
public sealed class VirtualNetworkRulesTests
{
    private const string Arm = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/";

    private static FleetSpec WithNetwork(VirtualNetworkSpec network) =>
        Fleets.With() with { VirtualNetworks = [network] };

    private static VirtualNetworkSpec Network(string? id = Arm + "extra", string? region = Fleets.Region, params SubnetSpec[] subnets) =>
        new() { Id = id, Region = region, Subnets = subnets.Length == 0 ? [Subnet("default", "10.5.0.0/24")] : [.. subnets] };

    private static SubnetSpec Subnet(string? name, string? prefix) => new() { Name = name, AddressPrefix = prefix };

    [Fact]
    public void Virtual_network_id_is_required() =>
        Assert.Equal("virtualNetworks[0].id: is required", Fleets.Error(WithNetwork(Network(id: null))));

    [Theory]
    [InlineData("app-vnet")]
    [InlineData("/subscriptions/s1/resourceGroups/app/providers/Microsoft.Sql/servers/contoso")]
    [InlineData("/subscriptions/s1/resourceGroups/app/providers/Microsoft.Network/virtualNetworks/app/subnets/web")]
    [InlineData("/subscriptions//resourceGroups/app/providers/Microsoft.Network/virtualNetworks/app")]
    public void Virtual_network_id_is_an_ARM_virtual_network_id(string id)
    {
        Assert.Equal(
            $"virtualNetworks[0].id: '{id}' is not a virtual network id of the form /subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}/providers/Microsoft.Network/virtualNetworks/{{name}}",
            Fleets.Error(WithNetwork(Network(id: id))));
    }

    [Fact]
    public void The_fixed_segments_of_a_virtual_network_id_match_ignoring_case() =>
        Assert.Empty(Fleets.Errors(WithNetwork(Network(id: "/SUBSCRIPTIONS/s1/resourcegroups/app/PROVIDERS/microsoft.network/VIRTUALNETWORKS/app"))));

    [Fact]
    public void Virtual_network_ids_are_unique_ignoring_case()
    {
        var fleet = Fleets.With() with { VirtualNetworks = [Network(), Network(id: (Arm + "extra").ToUpperInvariant())] };

        Assert.Equal($"virtualNetworks[1].id: '{(Arm + "extra").ToUpperInvariant()}' is already used by virtualNetworks[0].id", Fleets.Error(fleet));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("eastus", "'eastus' is not a declared region; declared: northeurope, westeurope")]
    public void Virtual_network_region_must_be_declared(string? region, string message) =>
        Assert.Equal($"virtualNetworks[0].region: {message}", Fleets.Error(WithNetwork(Network(region: region))));

    [Fact]
    public void Subnet_name_is_required() =>
        Assert.Equal("virtualNetworks[0].subnets[0].name: is required", Fleets.Error(WithNetwork(Network(subnets: Subnet(null, "10.5.0.0/24")))));

    [Fact]
    public void Subnet_names_are_unique_within_their_network_ignoring_case()
    {
        var network = Network(subnets: [Subnet("web", "10.5.0.0/24"), Subnet("Web", "10.5.1.0/24")]);

        Assert.Equal("virtualNetworks[0].subnets[1].name: 'Web' is already used by virtualNetworks[0].subnets[0].name", Fleets.Error(WithNetwork(network)));
    }

    [Fact]
    public void Two_networks_may_each_have_a_subnet_of_the_same_name() =>
        Assert.Empty(Fleets.Errors(Fleets.With() with { VirtualNetworks = [Network(), Network(id: Arm + "other")] }));

    [Theory]
    [InlineData("10.5.0.1/24")]
    [InlineData("10.5.0.0")]
    [InlineData("10.5.0.0/33")]
    [InlineData("2001:db8::/64")]
    public void Subnet_address_prefix_is_an_IPv4_CIDR_with_its_network_address(string prefix)
    {
        Assert.Equal(
            $"virtualNetworks[0].subnets[0].addressPrefix: '{prefix}' is not an IPv4 CIDR prefix with its network address, such as 10.0.1.0/24",
            Fleets.Error(WithNetwork(Network(subnets: Subnet("default", prefix)))));
    }

    [Fact]
    public void Subnet_outbound_ip_when_present_is_IPv4()
    {
        var network = Network(subnets: Subnet("default", "10.5.0.0/24") with { OutboundIp = "20.50.1.300" });

        Assert.Equal("virtualNetworks[0].subnets[0].outboundIp: '20.50.1.300' is not an IPv4 address", Fleets.Error(WithNetwork(network)));
    }
}

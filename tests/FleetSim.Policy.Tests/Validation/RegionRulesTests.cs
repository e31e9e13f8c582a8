using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

public sealed class RegionRulesTests
{
    private static FleetSpec WithRegions(params RegionSpec[] regions) => Fleets.With() with { Regions = [.. regions] };

    private static RegionSpec Region(string? name, params GatewaySpec[] gateways) => new() { Name = name, Gateways = [.. gateways] };

    private static GatewaySpec Gateway(string? ip, string? state = "Current") => new() { Ip = ip, State = state };

    [Fact]
    public void The_standard_test_fleet_is_valid() => Assert.Empty(Fleets.Errors(Fleets.With()));

    [Fact]
    public void A_fleet_needs_at_least_one_region()
    {
        var errors = Fleets.Errors(WithRegions());

        Assert.Contains("regions: at least one region is required", errors);
        Assert.Contains("servers[0].region: 'westeurope' is not a declared region; declared: none", errors);
    }

    [Fact]
    public void Region_name_is_required()
    {
        var fleet = WithRegions(Region("westeurope", Gateway("10.9.0.1")), Region("northeurope", Gateway("10.9.0.2")), Region(null, Gateway("10.9.0.3")));

        Assert.Equal("regions[2].name: is required", Fleets.Error(fleet));
    }

    [Fact]
    public void Region_names_are_unique_ignoring_case()
    {
        var fleet = WithRegions(Region("westeurope", Gateway("10.9.0.1")), Region("northeurope", Gateway("10.9.0.2")), Region("WestEurope", Gateway("10.9.0.3")));

        Assert.Equal("regions[2].name: 'WestEurope' is already used by regions[0].name", Fleets.Error(fleet));
    }

    [Fact]
    public void A_server_names_its_region_exactly_as_declared()
    {
        var error = Fleets.Error(Fleets.Server() with { Region = "WestEurope" });

        Assert.Equal("servers[0].region: 'WestEurope' is not a declared region; declared: northeurope, westeurope", error);
    }

    [Theory]
    [InlineData("Decommissioning")]
    [InlineData("Decommissioned")]
    public void A_region_needs_a_gateway_in_state_Current(string state)
    {
        var fleet = WithRegions(Region("westeurope", Gateway("10.9.0.1", state)), Region("northeurope", Gateway("10.9.0.2")));

        Assert.Equal("regions[0].gateways: at least one gateway with state 'Current' is required", Fleets.Error(fleet));
    }

    [Fact]
    public void A_region_without_gateways_cannot_serve_servers()
    {
        var fleet = WithRegions(Region("westeurope"), Region("northeurope", Gateway("10.9.0.2")));

        Assert.Equal("regions[0].gateways: at least one gateway with state 'Current' is required", Fleets.Error(fleet));
    }

    [Fact]
    public void Retired_gateways_may_stay_listed_beside_the_current_one()
    {
        var fleet = WithRegions(
            Region("westeurope", Gateway("10.9.0.1", "Decommissioned"), Gateway("10.9.0.2", "Decommissioning"), Gateway("10.9.0.3")),
            Region("northeurope", Gateway("10.9.0.4")));

        Assert.Empty(Fleets.Errors(fleet));
    }

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0")]
    [InlineData("2001:db8::1")]
    public void Gateway_ip_must_be_an_IPv4_address(string ip)
    {
        var fleet = WithRegions(Region("westeurope", Gateway(ip), Gateway("10.9.0.1")), Region("northeurope", Gateway("10.9.0.2")));

        Assert.Equal($"regions[0].gateways[0].ip: '{ip}' is not an IPv4 address", Fleets.Error(fleet));
    }

    [Fact]
    public void Gateway_ip_is_unique_across_the_fleet()
    {
        var fleet = WithRegions(Region("westeurope", Gateway("10.9.0.1")), Region("northeurope", Gateway("10.9.0.1")));

        Assert.Equal("regions[1].gateways[0].ip: '10.9.0.1' is already used by regions[0].gateways[0].ip", Fleets.Error(fleet));
    }

    [Theory]
    [InlineData("current", "'current' is not one of Current|Decommissioning|Decommissioned")]
    [InlineData("Retired", "'Retired' is not one of Current|Decommissioning|Decommissioned")]
    [InlineData(null, "is required: one of Current|Decommissioning|Decommissioned")]
    public void Gateway_state_is_Current_Decommissioning_or_Decommissioned(string? state, string message)
    {
        var fleet = WithRegions(Region("westeurope", Gateway("10.9.0.1"), Gateway("10.9.0.5", state)), Region("northeurope", Gateway("10.9.0.2")));

        Assert.Equal($"regions[0].gateways[1].state: {message}", Fleets.Error(fleet));
    }
}

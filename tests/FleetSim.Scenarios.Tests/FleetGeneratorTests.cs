using System.Text.Json;
using CsCheck;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Network;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Tests;

public sealed class FleetGeneratorTests
{
    private static readonly Gen<FleetGeneratorSpec> Shapes =
        from servers in Gen.Int[1, 30]
        from rules in Gen.Int[0, 127]
        from vnetRules in Gen.Int[0, FleetGenerator.EndpointSubnetsPerRegion]
        from endpoints in Gen.Int[0, 3]
        from azure in Gen.Double[0, 1]
        from disabled in Gen.Double[0, 1]
        from stopped in Gen.Double[0, 1]
        from basicWeight in Gen.Int[0, 3]
        from threat in Gen.Bool
        select new FleetGeneratorSpec
        {
            ServersPerRegion = servers,
            FirewallRulesPerServer = rules,
            VirtualNetworkRulesPerServer = vnetRules,
            PrivateEndpointsPerServer = endpoints,
            AllowAzureServicesShare = azure,
            PublicNetworkAccessDisabledShare = disabled,
            StoppedShare = stopped,
            Skus = new() { ["GP_Gen5_4"] = 1, ["B_Gen5_1"] = basicWeight, ["MO_Gen5_8"] = 1 },
            ThreatProtection = threat,
        };

    [Fact]
    public void Every_generated_fleet_passes_the_fleet_validator()
    {
        Gen.Select(Shapes, Gen.Int).Sample(t =>
            Assert.Empty(FleetSpecValidator.Validate(FleetGenerator.Generate(t.Item1, t.Item2))), iter: 60);
    }

    [Fact]
    public void The_same_shape_and_seed_give_the_same_fleet_and_another_seed_another()
    {
        var shape = new FleetGeneratorSpec { ServersPerRegion = 20, FirewallRulesPerServer = 8, AllowAzureServicesShare = 0.5 };
        var once = JsonSerializer.Serialize(FleetGenerator.Generate(shape, 42), FleetSpecReader.Options);
        var again = JsonSerializer.Serialize(FleetGenerator.Generate(shape, 42), FleetSpecReader.Options);
        var other = JsonSerializer.Serialize(FleetGenerator.Generate(shape, 43), FleetSpecReader.Options);
        Assert.Equal(once, again);
        Assert.NotEqual(once, other);
    }

    [Fact]
    public void A_generated_fleet_has_the_requested_shape()
    {
        var shape = new FleetGeneratorSpec { ServersPerRegion = 7, FirewallRulesPerServer = 128, VirtualNetworkRulesPerServer = 2 };
        var fleet = FleetGenerator.Generate(shape, 1);
        Assert.Equal(14, fleet.Servers.Count);
        Assert.All(fleet.Servers, s => Assert.Equal(128, s.FirewallRules.Count));
        Assert.All(fleet.Servers, s => Assert.Equal(2, s.VirtualNetworkRules.Count));
        Assert.All(fleet.Servers, s => Assert.All(s.FirewallRules, r =>
            Assert.True(Ipv4Range.ParseCidr("203.0.0.0/8").Contains(Ipv4.Parse(r.StartIpAddress!)))));
    }

    [Fact]
    public void Generated_passwords_are_the_ones_the_servers_accept()
    {
        var server = FleetGenerator.Generate(new FleetGeneratorSpec { ServersPerRegion = 1 }, 5).Servers[0];
        var hash = PasswordHash.Of(server.AdministratorLoginPassword!);
        Assert.True(hash.Verify(FleetGenerator.Password(server.Name!, FleetGenerator.AdministratorLogin)));
        Assert.Equal(FleetGenerator.Password(server.Name!, "app"), server.Users[0].Password);
    }

    [Fact]
    public void Basic_servers_get_no_virtual_network_rules_or_threat_protection()
    {
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec
        {
            Skus = new() { ["B_Gen5_1"] = 1 }, VirtualNetworkRulesPerServer = 3, ThreatProtection = true,
        }, 9);
        Assert.All(fleet.Servers, s => Assert.Empty(s.VirtualNetworkRules));
        Assert.All(fleet.Servers, s => Assert.Null(s.ThreatProtection));
    }
}

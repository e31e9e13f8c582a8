using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Clients;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Tests;

public sealed class ClientPopulationTests
{
    private static readonly FleetSpec Fleet = FleetGenerator.Generate(new FleetGeneratorSpec
    {
        ServersPerRegion = 6, FirewallRulesPerServer = 4, VirtualNetworkRulesPerServer = 2, PrivateEndpointsPerServer = 1,
        StoppedShare = 0.3, Skus = new() { ["GP_Gen5_4"] = 1, ["B_Gen5_1"] = 1 },
    }, seed: 3);

    private static bool InFirewall(ServerSpec server, string ip) => server.FirewallRules.Any(r =>
        new Ipv4Range(Ipv4.Parse(r.StartIpAddress!), Ipv4.Parse(r.EndIpAddress!)).Contains(Ipv4.Parse(ip)));

    [Fact]
    public void Clients_on_allowed_addresses_come_from_their_servers_firewall_rules()
    {
        var population = new ClientPopulation(Fleet, new PopulationSpec { Name = "p", Source = new SourceSpec { AllowedShare = 1 } });
        var random = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var client = population.Next(random);
            Assert.True(InFirewall(Fleet.Servers.Single(s => s.Name == client.Server), client.Source.Ip!));
        }
    }

    [Fact]
    public void The_allowed_share_is_kept_within_sampling_error()
    {
        var population = new ClientPopulation(Fleet, new PopulationSpec { Name = "p", Source = new SourceSpec { AllowedShare = 0.7, Ranges = ["198.51.100.0/24"] } });
        var random = new Random(2);
        var allowed = Enumerable.Range(0, 4000).Select(_ => population.Next(random))
            .Count(c => InFirewall(Fleet.Servers.Single(s => s.Name == c.Server), c.Source.Ip!));
        Assert.InRange(allowed / 4000.0, 0.66, 0.74);
    }

    [Fact]
    public void Addresses_per_server_bounds_the_distinct_sources_each_server_sees()
    {
        var population = new ClientPopulation(Fleet, new PopulationSpec { Name = "p", Source = new SourceSpec { AllowedShare = 1, AddressesPerServer = 3 } });
        var random = new Random(3);
        var clients = Enumerable.Range(0, 2000).Select(_ => population.Next(random)).ToList();
        Assert.All(clients.GroupBy(c => c.Server), g => Assert.InRange(g.Select(c => c.Source.Ip).Distinct().Count(), 1, 3));
    }

    [Fact]
    public void Server_filters_keep_only_matching_servers()
    {
        var choice = new ServerChoiceSpec { Skus = ["B_Gen5_1"], ReachableOnly = true };
        var candidates = ClientPopulation.Candidates(Fleet, choice);
        Assert.NotEmpty(candidates);
        Assert.All(candidates, s => Assert.Equal(("B_Gen5_1", "Ready", "Enabled"), (s.Sku, s.State, s.PublicNetworkAccess)));
    }

    [Fact]
    public void Subnet_clients_on_allowed_addresses_use_a_subnet_of_a_vnet_rule()
    {
        var population = new ClientPopulation(Fleet, new PopulationSpec { Name = "p", Source = new SourceSpec { Kind = "subnet", AllowedShare = 1 } });
        var random = new Random(4);
        for (var i = 0; i < 200; i++)
        {
            var client = population.Next(random);
            var server = Fleet.Servers.Single(s => s.Name == client.Server);
            if (server.VirtualNetworkRules.Count > 0)
                Assert.Contains(server.VirtualNetworkRules, r => string.Equals(r.VirtualNetworkSubnetId, client.Source.Subnet, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_same_seed_draws_the_same_clients()
    {
        var spec = new PopulationSpec { Name = "p", WrongPasswordShare = 0.2, Tls = new() { ["1.2"] = 1, ["none"] = 1 }, Servers = new ServerChoiceSpec { Pick = "zipf" } };
        var a = new ClientPopulation(Fleet, spec);
        var b = new ClientPopulation(Fleet, spec);
        var (ra, rb) = (new Random(9), new Random(9));
        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.Next(ra)), Enumerable.Range(0, 100).Select(_ => b.Next(rb)), (x, y) =>
            x.Server == y.Server && x.Password == y.Password && x.Tls == y.Tls && x.Source == y.Source);
    }
}

using FleetSim.Harness;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Clients;

/// <summary>
/// Draws clients of one population: which server (uniform or Zipf over the servers it may use),
/// from where (an allowed address with the population's allowedShare, else from its ranges),
/// with which TLS version, program and password. Every draw comes from the caller's Random, so a
/// seeded run draws the same clients.
/// </summary>
public sealed class ClientPopulation
{
    private readonly PopulationSpec _spec;
    private readonly IReadOnlyList<ServerSpec> _servers;
    private readonly ZipfKeys? _zipf;
    private readonly WeightedChoice<string> _tls;
    private readonly WeightedChoice<string> _apps;
    private readonly Ipv4Range[] _ranges;
    private readonly Dictionary<string, (string Region, Ipv4Range Prefix)> _subnets;
    private readonly Dictionary<string, ServerTargets> _targets = new(StringComparer.Ordinal);
    private readonly TimeSpan _think;
    private readonly TimeSpan _hold;

    public ClientPopulation(FleetSpec fleet, PopulationSpec spec)
    {
        _spec = spec;
        _servers = Candidates(fleet, spec.Servers);
        if (_servers.Count == 0)
            throw new ArgumentException($"population '{spec.Name}': no server of the fleet matches its servers filter", nameof(spec));
        _zipf = spec.Servers.Pick == "zipf" ? new ZipfKeys(_servers.Count, spec.Servers.Exponent) : null;
        _tls = new WeightedChoice<string>(spec.Tls.Select(kv => (kv.Key, kv.Value)));
        _apps = new WeightedChoice<string>(spec.Apps.Select(kv => (kv.Key, kv.Value)));
        _ranges = [.. spec.Source.Ranges.Select(Ipv4Range.ParseCidr)];
        _subnets = ServerTargets.Subnets(fleet);
        _think = Durations.Parse(spec.Session.ThinkTime);
        _hold = Durations.Parse(spec.Session.Hold);
    }

    public string Name => _spec.Name!;

    public static IReadOnlyList<ServerSpec> Candidates(FleetSpec fleet, ServerChoiceSpec choice) =>
    [
        .. fleet.Servers.Where(s =>
            (choice.Names.Count == 0 || choice.Names.Contains(s.Name!, StringComparer.Ordinal))
            && (!choice.ReachableOnly || (s.State == "Ready" && s.PublicNetworkAccess == "Enabled"))
            && (choice.Skus.Count == 0 || choice.Skus.Contains(s.Sku!, StringComparer.Ordinal))),
    ];

    /// <summary>Draws one client. Not thread-safe per Random: give each copy its own.</summary>
    public SimulatedClient Next(Random random)
    {
        var server = _servers[_zipf?.Next(random) ?? random.Next(_servers.Count)];
        if (!_targets.TryGetValue(server.Name!, out var targets))
        {
            lock (_targets)
                targets = _targets.TryGetValue(server.Name!, out var known) ? known : _targets[server.Name!] = ServerTargets.For(server, _subnets);
        }

        var name = server.Name!;
        var hostTypo = random.NextDouble() < _spec.HostTypoShare;
        var userTypo = random.NextDouble() < _spec.UserTypoShare;
        var wrongPassword = random.NextDouble() < _spec.WrongPasswordShare;
        var allowed = random.NextDouble() < _spec.Source.AllowedShare;
        return new SimulatedClient(
            Name,
            name,
            (hostTypo ? name + "-typo" : name) + FleetDirectory.HostSuffix,
            _spec.PinnedGatewayIp,
            $"{targets.Login}@{(userTypo ? name + "-typo" : name)}",
            wrongPassword ? targets.Password + "-wrong" : targets.Password,
            _tls.Next(random),
            Source(targets, allowed, AddressRandom(name, random)),
            _apps.Next(random),
            _spec.Session.Statements,
            _think,
            _hold,
            _spec.Via == "wire");
    }

    /// <summary>With AddressesPerServer, the address comes from one of a few fixed seeds per server.</summary>
    private Random AddressRandom(string server, Random random) => _spec.Source.AddressesPerServer <= 0
        ? random
        : new Random(HashCode.Combine(StableHash(server), random.Next(_spec.Source.AddressesPerServer)));

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked((hash * 31) + c);
        return hash;
    }

    private ClientAddress Source(ServerTargets targets, bool allowed, Random random)
    {
        switch (_spec.Source.Kind)
        {
            case "privateEndpoint":
                return new ClientAddress(null, PrivateEndpoint: allowed && targets.PrivateEndpoints.Count > 0
                    ? targets.PrivateEndpoints[random.Next(targets.PrivateEndpoints.Count)]
                    : "pe-not-connected");
            case "subnet":
                var subnets = allowed && targets.RuleSubnets.Count > 0 ? targets.RuleSubnets : targets.OtherSubnets.Count > 0 ? targets.OtherSubnets : targets.RuleSubnets;
                if (subnets.Count == 0)
                    return new ClientAddress(RandomIn(_ranges, random).ToString());
                var (id, prefix) = subnets[random.Next(subnets.Count)];
                return new ClientAddress(RandomIn([prefix], random).ToString(), Subnet: id);
            default:
                var azure = _spec.Source.Kind == "azure";
                // An Azure client is allowed by the Azure services rule as well as by its own address.
                var ip = allowed && targets.FirewallRanges.Count > 0 && !(azure && targets.AllowsAzureServices)
                    ? RandomIn(targets.FirewallRanges, random)
                    : RandomIn(_ranges.Length > 0 ? _ranges : [.. targets.FirewallRanges], random);
                return new ClientAddress(ip.ToString(), Azure: azure);
        }
    }

    private static Ipv4 RandomIn(IReadOnlyList<Ipv4Range> ranges, Random random)
    {
        if (ranges.Count == 0)
            return Ipv4.Parse("192.0.2.1");
        var range = ranges[random.Next(ranges.Count)];
        return new Ipv4((uint)(range.Start.Value + random.NextInt64(range.Size)));
    }
}

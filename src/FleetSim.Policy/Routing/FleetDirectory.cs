using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Routing;

public sealed record GatewayAddress(Ipv4 Ip, string Region, GatewayState State)
{
    /// <summary>The address as text, formatted once: every connection's log entry and client name their gateway.</summary>
    public string Text { get; } = Ip.ToString();
}

public sealed record Subnet(string Id, string Region, Ipv4Range AddressPrefix, bool HasSqlServiceEndpoint, Ipv4? OutboundIp);

/// <summary>
/// What DNS and the regional gateways know about a fleet: which region serves each server name,
/// the gateway addresses of each region, and the virtual network subnets clients come from.
/// Built from a validated <see cref="FleetSpec"/>.
/// </summary>
public sealed class FleetDirectory
{
    public const string HostSuffix = ".mariadb.database.azure.com";
    public const string SqlServiceEndpoint = "Microsoft.Sql";

    private readonly Dictionary<string, (string Name, string Region)> _servers;
    private readonly Dictionary<Ipv4, GatewayAddress> _gateways;
    private readonly Dictionary<string, GatewayAddress> _newestGatewayByRegion;
    private readonly Dictionary<string, Subnet> _subnets;

    public FleetDirectory(IEnumerable<RegionSpec> regions, IEnumerable<VirtualNetworkSpec> virtualNetworks, IEnumerable<KeyValuePair<string, string>> serverRegions)
    {
        _servers = new(ResourceNames.Comparer);
        foreach (var (name, region) in serverRegions)
            _servers[name] = (name, region);
        _gateways = [];
        _newestGatewayByRegion = new(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var gateway in region.Gateways)
            {
                var state = SpecEnum.Parse<GatewayState>(gateway.State);
                var address = new GatewayAddress(Ipv4.Parse(gateway.Ip!), region.Name!, state);
                _gateways[address.Ip] = address;
                // New servers are served by the newest ring: the last Current address listed.
                if (state == GatewayState.Current)
                    _newestGatewayByRegion[region.Name!] = address;
            }
        }
        _subnets = new(StringComparer.OrdinalIgnoreCase);
        foreach (var network in virtualNetworks)
        {
            foreach (var subnet in network.Subnets)
            {
                var id = SubnetId(network.Id!, subnet.Name!);
                var prefix = Ipv4Range.ParseCidr(subnet.AddressPrefix!);
                Ipv4? outbound = Ipv4.TryParse(subnet.OutboundIp, out var ip) ? ip : null;
                _subnets[id] = new Subnet(id, network.Region!, prefix,
                    subnet.ServiceEndpoints.Contains(SqlServiceEndpoint, StringComparer.OrdinalIgnoreCase), outbound);
            }
        }
    }

    public static FleetDirectory FromSpec(FleetSpec spec) => new(spec.Regions, spec.VirtualNetworks,
        spec.Servers.Select(s => KeyValuePair.Create(s.Name!, s.Region!))) { Model = spec.Model };

    /// <summary>The fleet's queueing model; null when the fleet has none (no modelled latency).</summary>
    public Model.ModelSpec? Model { get; init; }

    private Model.ServiceModel? _serviceModel;

    /// <summary>The model compiled once per directory copy (a race compiles it twice, harmlessly).</summary>
    public Model.ServiceModel? ServiceModel => Model is null ? null : _serviceModel ??= Policy.Model.ServiceModel.Compile(Model);

    public static string SubnetId(string virtualNetworkId, string subnetName) => $"{virtualNetworkId}/subnets/{subnetName}";

    public int ServerCount => _servers.Count;

    public bool TryGetServerRegion(string server, out string region) => TryGetServer(server, out _, out region);

    /// <summary>A server by its name in any case, with the name as the fleet spells it (its grain's key) and its region.</summary>
    public bool TryGetServer(string server, out string name, out string region)
    {
        var found = _servers.TryGetValue(server, out var entry);
        (name, region) = found ? entry : (server, "");
        return found;
    }

    public bool TryGetGateway(Ipv4 ip, out GatewayAddress gateway) => _gateways.TryGetValue(ip, out gateway!);

    public bool TryGetNewestGateway(string region, out GatewayAddress gateway) => _newestGatewayByRegion.TryGetValue(region, out gateway!);

    public bool TryGetSubnet(string id, out Subnet subnet) => _subnets.TryGetValue(id, out subnet!);

    public IEnumerable<GatewayAddress> Gateways => _gateways.Values;
}

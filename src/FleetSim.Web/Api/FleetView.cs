using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Policy;
using FleetSim.Policy.Spec;

namespace FleetSim.Web.Api;

/// <summary>
/// The fleet as the map draws it: regions with their gateways and servers, and the virtual
/// networks clients come from. Nothing secret: logins, password hashes and keys are left out.
/// A region with more servers than <see cref="DrawnOneByOne"/> is sent as counts, to be searched.
/// </summary>
internal sealed class FleetView(IFleetHost host, IReadOnlyList<WebListener> listeners)
{
    public const int DrawnOneByOne = 200;

    public async Task<FleetMap> Map()
    {
        var fleet = await host.Directory.GetFleet();
        var regions = new List<RegionView>();
        foreach (var region in fleet.Regions)
        {
            var servers = fleet.Servers.Where(s => ResourceNames.Comparer.Equals(s.Region, region.Name)).ToList();
            regions.Add(new RegionView(
                region.Name ?? "",
                [.. region.Gateways.Select(g => new GatewayView(g.Ip ?? "", g.State ?? "Current",
                    [.. listeners.Where(l => l.Gateway == g.Ip).Select(l => new ListenerView(l.Endpoint, l.Direct))]))],
                servers.Count,
                servers.Count > DrawnOneByOne ? null : await Servers(servers),
                servers.GroupBy(s => s.State ?? "Ready", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)));
        }
        var networks = fleet.VirtualNetworks.Select(v => new NetworkView(v.Id ?? "", v.Region ?? "",
            [.. v.Subnets.Select(s => new SubnetView(s.Name ?? "", s.AddressPrefix ?? "", s.ServiceEndpoints, s.OutboundIp))])).ToList();
        return new FleetMap(regions, networks);
    }

    /// <summary>A region's servers whose name contains <paramref name="search"/>, at most <see cref="DrawnOneByOne"/>: the drill-down of a region too large to draw.</summary>
    public async Task<IReadOnlyList<ServerView>?> Search(string region, string? search)
    {
        var fleet = await host.Directory.GetFleet();
        if (!fleet.Regions.Any(r => ResourceNames.Comparer.Equals(r.Name, region)))
            return null;
        var matching = fleet.Servers
            .Where(s => ResourceNames.Comparer.Equals(s.Region, region) && (string.IsNullOrEmpty(search) || (s.Name ?? "").Contains(search, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Take(DrawnOneByOne)
            .ToList();
        return await Servers(matching);
    }

    private async Task<IReadOnlyList<ServerView>> Servers(IReadOnlyList<ServerSpec> servers)
    {
        var statuses = await Task.WhenAll(servers.Select(s => host.Grains.GetGrain<IServerGrain>(s.Name!).GetStatus()));
        return [.. servers.Zip(statuses, (spec, status) => ServerView.From(spec, status))];
    }
}

public sealed record FleetMap(IReadOnlyList<RegionView> Regions, IReadOnlyList<NetworkView> VirtualNetworks);

/// <param name="Servers">Each server, or null when there are more than the map draws one by one (search them).</param>
/// <param name="ServersByState">How many servers are in each state.</param>
public sealed record RegionView(string Name, IReadOnlyList<GatewayView> Gateways, int ServerCount, IReadOnlyList<ServerView>? Servers, IReadOnlyDictionary<string, int> ServersByState);

public sealed record GatewayView(string Ip, string State, IReadOnlyList<ListenerView> Listeners);

/// <summary>A wire listener standing for a gateway, and the direct endpoint the redirect policy sends clients to.</summary>
public sealed record ListenerView(string Endpoint, string? Direct);

public sealed record NetworkView(string Id, string Region, IReadOnlyList<SubnetView> Subnets);

public sealed record SubnetView(string Name, string AddressPrefix, IReadOnlyList<string> ServiceEndpoints, string? OutboundIp);

public sealed record ServerView(string Name, string Region, string Sku, string State, int OpenConnections, int MaxConnections,
    string SslEnforcement, string MinimalTlsVersion, string PublicNetworkAccess, bool Redirect)
{
    public static ServerView From(ServerSpec spec, ServerStatus status) => new(
        spec.Name ?? "", spec.Region ?? "", spec.Sku ?? "", status.Provisioned ? status.State : spec.State ?? "",
        status.OpenConnections, status.MaxConnections,
        spec.SslEnforcement ?? "Enabled", spec.MinimalTlsVersion ?? "TLSEnforcementDisabled", spec.PublicNetworkAccess ?? "Enabled",
        spec.Configurations.TryGetValue(ServerParameters.RedirectEnabled, out var redirect) && string.Equals(redirect, "ON", StringComparison.OrdinalIgnoreCase));
}

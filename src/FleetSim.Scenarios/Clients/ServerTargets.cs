using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Scenarios.Clients;

/// <summary>
/// What a client needs to know about a server to come from an address it allows, or from one it
/// does not: its firewall ranges, the subnets of its virtual network rules, its private endpoints.
/// </summary>
internal sealed record ServerTargets(
    ServerSpec Server,
    IReadOnlyList<Ipv4Range> FirewallRanges,
    bool AllowsAzureServices,
    IReadOnlyList<(string Id, Ipv4Range Prefix)> RuleSubnets,
    IReadOnlyList<(string Id, Ipv4Range Prefix)> OtherSubnets,
    IReadOnlyList<string> PrivateEndpoints,
    string Login,
    string Password)
{
    public static ServerTargets For(ServerSpec server, IReadOnlyDictionary<string, (string Region, Ipv4Range Prefix)> subnets)
    {
        var ranges = server.FirewallRules
            .Select(r => new Ipv4Range(Ipv4.Parse(r.StartIpAddress!), Ipv4.Parse(r.EndIpAddress!)))
            .Where(r => !(r.Start == Ipv4.AzureServices && r.End == Ipv4.AzureServices))
            .ToList();
        var ruled = server.VirtualNetworkRules.Select(r => r.VirtualNetworkSubnetId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var regional = subnets.Where(s => s.Value.Region == server.Region).ToList();
        var user = server.Users.FirstOrDefault();
        return new ServerTargets(
            server,
            ranges,
            ranges.Count != server.FirewallRules.Count,
            [.. regional.Where(s => ruled.Contains(s.Key)).Select(s => (s.Key, s.Value.Prefix))],
            [.. regional.Where(s => !ruled.Contains(s.Key)).Select(s => (s.Key, s.Value.Prefix))],
            [.. server.PrivateEndpointConnections.Where(p => p.Status == "Approved").Select(p => p.Name!)],
            user?.Name ?? server.AdministratorLogin!,
            user?.Password ?? server.AdministratorLoginPassword!);
    }

    public static Dictionary<string, (string Region, Ipv4Range Prefix)> Subnets(FleetSpec fleet) =>
        fleet.VirtualNetworks
            .SelectMany(n => n.Subnets.Select(s => (Id: FleetDirectory.SubnetId(n.Id!, s.Name!), n.Region, Prefix: Ipv4Range.ParseCidr(s.AddressPrefix!))))
            .ToDictionary(s => s.Id, s => (s.Region!, s.Prefix), StringComparer.OrdinalIgnoreCase);
}

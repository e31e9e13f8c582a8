using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// The part of a server's configuration that decides who gets in, compiled for fast checks.
/// Accounts are not here: they live with the server's state, as password hashes.
/// </summary>
public sealed record ServerPolicy(
    string Name,
    string Region,
    Sku Sku,
    ServerState State,
    bool SslEnforcement,
    TlsVersion MinimalTlsVersion,
    bool PublicNetworkAccess,
    FirewallRuleSet FirewallRules,
    IReadOnlyDictionary<string, string> VirtualNetworkRulesBySubnet,
    IReadOnlyDictionary<string, PrivateEndpointConnection> PrivateEndpointConnections,
    int MaxConnections)
{
    /// <summary>Compiles a server of a validated fleet document.</summary>
    public static ServerPolicy Compile(ServerSpec spec)
    {
        if (!Sku.TryParse(spec.Sku, out var sku))
            throw new ArgumentException($"servers.sku: '{spec.Sku}' is not a SKU", nameof(spec));
        var state = SpecEnum.Parse<ServerState>(spec.State);
        var ssl = SpecEnum.ParseSwitch(spec.SslEnforcement);
        var minimal = TlsVersions.ParseMinimal(spec.MinimalTlsVersion);
        var publicAccess = SpecEnum.ParseSwitch(spec.PublicNetworkAccess);

        var rules = spec.FirewallRules
            .Select(r => new FirewallRule(r.Name!, new Ipv4Range(Ipv4.Parse(r.StartIpAddress!), Ipv4.Parse(r.EndIpAddress!))))
            .ToList();
        var vnetRules = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in spec.VirtualNetworkRules)
            vnetRules[rule.VirtualNetworkSubnetId!] = rule.Name!;
        var endpoints = new Dictionary<string, PrivateEndpointConnection>(ResourceNames.Comparer);
        foreach (var connection in spec.PrivateEndpointConnections)
        {
            endpoints[connection.Name!] = new PrivateEndpointConnection(connection.Name!, SpecEnum.Parse<PrivateEndpointStatus>(connection.Status));
        }

        var maxConnections = spec.Configurations.TryGetValue(ServerParameters.MaxConnections, out var configured)
            && int.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : sku.MaxConnections;

        return new ServerPolicy(spec.Name!, spec.Region!, sku, state, ssl, minimal, publicAccess,
            new FirewallRuleSet(rules), vnetRules, endpoints, maxConnections);
    }
}

public sealed record PrivateEndpointConnection(string Name, PrivateEndpointStatus Status);

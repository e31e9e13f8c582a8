using System.Globalization;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Insights;

/// <summary>
/// What a fleet document alone says about each server's exposure: redundant and broad firewall
/// rules, public access beside private endpoints, VNet rules that let nothing through, private
/// endpoint connections not approved, and TLS below 1.2. (Findings that need traffic, unused and
/// overly permissive rules, are not here.)
/// </summary>
public static class FleetInsights
{
    /// <summary>A rule wider than this many addresses (a /16) is called broad.</summary>
    public const long BroadSize = 65_536;

    public static IEnumerable<Finding> Of(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var sqlSubnets = fleet.VirtualNetworks
            .SelectMany(v => v.Subnets.Select(s => (Id: Routing.FleetDirectory.SubnetId(v.Id!, s.Name!), Sql: s.ServiceEndpoints.Contains("Microsoft.Sql", StringComparer.OrdinalIgnoreCase))))
            .ToDictionary(s => s.Id, s => s.Sql, StringComparer.OrdinalIgnoreCase);
        foreach (var server in fleet.Servers)
        {
            foreach (var finding in RedundantRules.Of(server).Concat(Broad(server)).Concat(Access(server, sqlSubnets)))
                yield return finding;
        }
    }

    private static IEnumerable<Finding> Broad(ServerSpec server)
    {
        foreach (var rule in server.FirewallRules)
        {
            var range = new Ipv4Range(Ipv4.Parse(rule.StartIpAddress!), Ipv4.Parse(rule.EndIpAddress!));
            if (range.Start.Value == 0 && range.End.Value == 0)
                yield return new Finding(server.Name!, FindingKinds.Broad, rule.Name,
                    "0.0.0.0 allows access to Azure services: every Azure customer's traffic, not just yours",
                    "name your own Azure addresses, or use virtual network rules or a private endpoint");
            else if (range.Size == 1L << 32)
                yield return new Finding(server.Name!, FindingKinds.Broad, rule.Name, "it admits the whole internet", "name the ranges your clients come from");
            else if (range.Size > BroadSize)
                yield return new Finding(server.Name!, FindingKinds.Broad, rule.Name,
                    string.Create(CultureInfo.InvariantCulture, $"it admits {range.Size:N0} addresses, more than a /16"), "narrow it to the ranges your clients come from");
        }
    }

    private static IEnumerable<Finding> Access(ServerSpec server, Dictionary<string, bool> sqlSubnets)
    {
        var name = server.Name!;
        var approved = server.PrivateEndpointConnections.Where(c => c.Status == "Approved").ToList();
        if (approved.Count > 0 && server.PublicNetworkAccess == "Enabled")
            yield return new Finding(name, FindingKinds.PublicAccessBesidePrivateEndpoints, null,
                $"private endpoints ({string.Join(", ", approved.Select(c => c.Name))}) serve it, yet public network access is Enabled",
                "set publicNetworkAccess to Disabled if every client uses the private endpoints");
        foreach (var rule in server.VirtualNetworkRules)
        {
            if (sqlSubnets.TryGetValue(rule.VirtualNetworkSubnetId!, out var sql) && !sql)
                yield return new Finding(name, FindingKinds.VnetRuleWithoutEndpoint, rule.Name,
                    "its subnet has no Microsoft.Sql service endpoint, so its traffic arrives from the subnet's public address and the rule admits nothing"
                        + (rule.IgnoreMissingVnetServiceEndpoint ? " (created with ignoreMissingVnetServiceEndpoint)" : ""),
                    "enable Microsoft.Sql on the subnet, or remove the rule");
        }
        foreach (var connection in server.PrivateEndpointConnections.Where(c => c.Status is "Pending" or "Rejected"))
            yield return new Finding(name, FindingKinds.PrivateEndpointNotApproved, connection.Name,
                $"the connection is {connection.Status}: its clients are refused",
                connection.Status == "Pending" ? "approve or reject it" : "delete it if it is no longer wanted");
        if (server.SslEnforcement == "Disabled")
            yield return new Finding(name, FindingKinds.WeakTls, null, "sslEnforcement is Disabled: clients may connect in plain text", "enable sslEnforcement");
        else if (server.MinimalTlsVersion is "TLSEnforcementDisabled" or "TLS1_0" or "TLS1_1")
            yield return new Finding(name, FindingKinds.WeakTls, null, $"minimalTlsVersion is {server.MinimalTlsVersion}: TLS below 1.2 is accepted", "set minimalTlsVersion to TLS1_2");
    }
}

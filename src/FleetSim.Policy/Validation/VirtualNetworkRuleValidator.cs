using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>A server's virtual network rules: which service-endpoint subnets may reach it.</summary>
internal static class VirtualNetworkRuleValidator
{
    /// <param name="sku">The server's SKU, or null when invalid (reported elsewhere).</param>
    /// <param name="region">The server's region, or null when not declared (reported elsewhere).</param>
    public static void Validate(IReadOnlyList<VirtualNetworkRuleSpec?>? rules, Sku? sku, string? region, DeclaredFleet fleet,
        SpecPath path, ValidationErrors errors)
    {
        if (rules is { Count: > 0 } && sku is { Tier: PricingTier.Basic })
            errors.Add(path, $"virtual network rules need the General Purpose or Memory Optimized tier; '{sku.Name}' is Basic");

        var names = new Dictionary<string, SpecPath>(ResourceNames.Comparer);
        var subnets = new Dictionary<string, SpecPath>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, at) in errors.Each(rules, path))
        {
            var namePath = at.Property("name");
            if (errors.Required(rule.Name, namePath))
                errors.Unique(rule.Name, namePath, names);

            var subnetPath = at.Property("virtualNetworkSubnetId");
            if (!errors.Required(rule.VirtualNetworkSubnetId, subnetPath))
                continue;
            if (!fleet.Subnets.TryGetValue(rule.VirtualNetworkSubnetId, out var subnet))
            {
                errors.Add(subnetPath, $"'{rule.VirtualNetworkSubnetId}' is not a declared subnet; expected {{virtual network id}}/subnets/{{name}} of a subnet in virtualNetworks");
                continue;
            }
            if (!errors.Unique(rule.VirtualNetworkSubnetId, subnetPath, subnets))
                continue;
            if (region is not null && subnet.Region is not null && subnet.Region != region)
                errors.Add(subnetPath, $"the subnet's virtual network is in region '{subnet.Region}', the server in '{region}'; a virtual network rule needs a subnet in the server's region");
            // The real service refuses to create the rule unless told to wait for the endpoint.
            if (!subnet.HasSqlServiceEndpoint && !rule.IgnoreMissingVnetServiceEndpoint)
                errors.Add(subnetPath, $"the subnet has no '{FleetDirectory.SqlServiceEndpoint}' service endpoint; add it to the subnet's serviceEndpoints or set ignoreMissingVnetServiceEndpoint to create the rule before it");
        }
    }
}

using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>Regions and their gateway addresses: what DNS resolves server names to.</summary>
internal static class RegionValidator
{
    /// <summary>Returns the names of the declared regions, for servers and networks to refer to.</summary>
    public static IReadOnlySet<string> Validate(IReadOnlyList<RegionSpec?>? regions, SpecPath path, ValidationErrors errors)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (regions is { Count: 0 })
            errors.Add(path, "at least one region is required");

        // Azure region names are case-insensitive: westeurope and WestEurope are one region.
        var names = new Dictionary<string, SpecPath>(StringComparer.OrdinalIgnoreCase);
        var gatewayIps = new Dictionary<string, SpecPath>(StringComparer.Ordinal);
        foreach (var (region, at) in errors.Each(regions, path))
        {
            if (errors.Required(region.Name, at.Property("name")))
            {
                errors.Unique(region.Name, at.Property("name"), names);
                declared.Add(region.Name);
            }
            ValidateGateways(region.Gateways, at.Property("gateways"), gatewayIps, errors);
        }
        return declared;
    }

    /// <summary>Reports a missing or undeclared region reference; true when the region is declared.</summary>
    public static bool IsDeclared(string? region, IReadOnlySet<string> declared, SpecPath path, ValidationErrors errors)
    {
        if (!errors.Required(region, path))
            return false;
        if (declared.Contains(region))
            return true;
        // References must match exactly: routing looks regions up by their declared spelling.
        var list = declared.Count == 0 ? "none" : string.Join(", ", declared.Order(StringComparer.Ordinal));
        errors.Add(path, $"'{region}' is not a declared region; declared: {list}");
        return false;
    }

    private static void ValidateGateways(IReadOnlyList<GatewaySpec?>? gateways, SpecPath path, Dictionary<string, SpecPath> fleetIps, ValidationErrors errors)
    {
        var hasCurrent = false;
        foreach (var (gateway, at) in errors.Each(gateways, path))
        {
            var ipPath = at.Property("ip");
            if (errors.Required(gateway.Ip, ipPath))
            {
                if (Ipv4.TryParse(gateway.Ip, out var ip))
                    errors.Unique(ip.ToString(), ipPath, fleetIps);
                else
                    errors.Add(ipPath, $"'{gateway.Ip}' is not an IPv4 address");
            }
            if (errors.OneOf<GatewayState>(gateway.State, at.Property("state"), out var state))
                hasCurrent |= state == GatewayState.Current;
        }
        // New servers are served by the newest Current ring; a region without one cannot serve them.
        if (gateways is not null && !hasCurrent)
            errors.Add(path, "at least one gateway with state 'Current' is required");
    }
}

using System.Text.RegularExpressions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>Virtual networks and their subnets: where service-endpoint and private traffic comes from.</summary>
internal static partial class VirtualNetworkValidator
{
    public const string IdForm = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.Network/virtualNetworks/{name}";

    // ARM matches the fixed segments of an id case-insensitively.
    [GeneratedRegex(@"^/subscriptions/[^/\s]+/resourceGroups/[^/\s]+/providers/Microsoft\.Network/virtualNetworks/[^/\s]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VirtualNetworkId();

    /// <summary>Returns the declared subnets by id, for virtual network rules to refer to.</summary>
    public static IReadOnlyDictionary<string, DeclaredSubnet> Validate(
        IReadOnlyList<VirtualNetworkSpec?>? networks, IReadOnlySet<string> regions, SpecPath path, ValidationErrors errors)
    {
        var subnets = new Dictionary<string, DeclaredSubnet>(StringComparer.OrdinalIgnoreCase);
        var ids = new Dictionary<string, SpecPath>(StringComparer.OrdinalIgnoreCase);
        foreach (var (network, at) in errors.Each(networks, path))
        {
            var idPath = at.Property("id");
            var id = network.Id;
            if (errors.Required(id, idPath))
            {
                if (!VirtualNetworkId().IsMatch(id))
                {
                    errors.Add(idPath, $"'{id}' is not a virtual network id of the form {IdForm}");
                    id = null;
                }
                else if (!errors.Unique(id, idPath, ids))
                    id = null;
            }
            var region = RegionValidator.IsDeclared(network.Region, regions, at.Property("region"), errors) ? network.Region : null;
            ValidateSubnets(network.Subnets, id, region, at.Property("subnets"), subnets, errors);
        }
        return subnets;
    }

    /// <param name="networkId">The network's id when valid and first of its name; only then are its subnets declared.</param>
    private static void ValidateSubnets(IReadOnlyList<SubnetSpec?>? subnets, string? networkId, string? region, SpecPath path,
        Dictionary<string, DeclaredSubnet> declared, ValidationErrors errors)
    {
        // Subnet ids compare case-insensitively, so their names do too.
        var names = new Dictionary<string, SpecPath>(StringComparer.OrdinalIgnoreCase);
        foreach (var (subnet, at) in errors.Each(subnets, path))
        {
            var namePath = at.Property("name");
            var nameIsValid = errors.Required(subnet.Name, namePath);
            if (nameIsValid && subnet.Name!.Contains('/', StringComparison.Ordinal))
            {
                errors.Add(namePath, $"'{subnet.Name}' must not contain '/': the name is the last segment of the subnet id");
                nameIsValid = false;
            }
            if (nameIsValid)
                errors.Unique(subnet.Name!, namePath, names);

            var prefixPath = at.Property("addressPrefix");
            if (errors.Required(subnet.AddressPrefix, prefixPath) && !Ipv4Range.TryParseCidr(subnet.AddressPrefix, out _))
                errors.Add(prefixPath, $"'{subnet.AddressPrefix}' is not an IPv4 CIDR prefix with its network address, such as 10.0.1.0/24");

            var hasSqlEndpoint = false;
            foreach (var (endpoint, _) in errors.Each(subnet.ServiceEndpoints, at.Property("serviceEndpoints")))
                hasSqlEndpoint |= string.Equals(endpoint, FleetDirectory.SqlServiceEndpoint, StringComparison.OrdinalIgnoreCase);

            if (subnet.OutboundIp is not null && !Ipv4.TryParse(subnet.OutboundIp, out _))
                errors.Add(at.Property("outboundIp"), $"'{subnet.OutboundIp}' is not an IPv4 address");

            if (networkId is not null && nameIsValid)
            {
                var id = FleetDirectory.SubnetId(networkId, subnet.Name!);
                declared.TryAdd(id, new DeclaredSubnet(id, region, hasSqlEndpoint));
            }
        }
    }
}

namespace FleetSim.Policy.Validation;

/// <summary>A subnet a virtual network rule may name. Region is null when its network's region is not declared.</summary>
internal sealed record DeclaredSubnet(string Id, string? Region, bool HasSqlServiceEndpoint);

/// <summary>What servers may refer to: the declared regions (exact names) and subnets (ids, case-insensitive as in ARM).</summary>
internal sealed record DeclaredFleet(IReadOnlySet<string> Regions, IReadOnlyDictionary<string, DeclaredSubnet> Subnets)
{
    public bool IsDeclaredRegion(string? region, SpecPath path, ValidationErrors errors) =>
        RegionValidator.IsDeclared(region, Regions, path, errors);
}

namespace FleetSim.Policy.Insights;

/// <summary>
/// One thing worth a policy engineer's look on one server: what it is, the rule (or connection)
/// it is about, why it matters and what to do.
/// </summary>
public sealed record Finding(string Server, string Kind, string? Rule, string Why, string Advice)
{
    /// <summary>For an overly permissive rule, the narrower ranges to use instead.</summary>
    public IReadOnlyList<Network.Ipv4Range>? Suggested { get; init; }
}

/// <summary>The kinds of finding, as the output names them.</summary>
public static class FindingKinds
{
    public const string Redundant = "redundant";
    public const string Broad = "broad";
    public const string PublicAccessBesidePrivateEndpoints = "publicAccessBesidePrivateEndpoints";
    public const string VnetRuleWithoutEndpoint = "vnetRuleWithoutEndpoint";
    public const string PrivateEndpointNotApproved = "privateEndpointNotApproved";
    public const string WeakTls = "weakTls";
    public const string Unused = "unused";
    public const string OverlyPermissive = "overlyPermissive";
    public const string DeniedOften = "deniedOften";
}

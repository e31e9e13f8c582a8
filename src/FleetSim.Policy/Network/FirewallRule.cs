namespace FleetSim.Policy.Network;

/// <summary>A server-level IP firewall rule. Rules only allow; there are no deny rules and no priorities.</summary>
public sealed record FirewallRule(string Name, Ipv4Range Range)
{
    /// <summary>0.0.0.0 - 0.0.0.0: "Allow access to Azure services".</summary>
    public bool AllowsAzureServicesOnly => Range.Start == Ipv4.AzureServices && Range.End == Ipv4.AzureServices;

    /// <summary>
    /// When several rules match, the decision names the narrowest range, ties broken by name, so that
    /// the reported rule is the most specific reason a client got in.
    /// </summary>
    public static int CompareSpecificity(FirewallRule a, FirewallRule b)
    {
        var bySize = a.Range.Size.CompareTo(b.Range.Size);
        return bySize != 0 ? bySize : string.CompareOrdinal(a.Name, b.Name);
    }
}

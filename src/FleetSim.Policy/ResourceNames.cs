namespace FleetSim.Policy;

/// <summary>
/// Azure resource names (servers, firewall rules, virtual network rules, private endpoint
/// connections) are case-insensitive: "AllowOffice" and "allowoffice" name one rule. Every lookup,
/// uniqueness check and change of such a name uses this one comparer.
/// </summary>
public static class ResourceNames
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static bool Same(string? a, string? b) => Comparer.Equals(a, b);
}

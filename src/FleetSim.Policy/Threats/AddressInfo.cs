namespace FleetSim.Policy.Threats;

/// <summary>
/// What is known about one client address: the place its range belongs to, if any, and the threat
/// intelligence flag, if any. A struct of two references, so a lookup allocates nothing.
/// </summary>
public readonly record struct AddressInfo(InternetPlace? Place, FlaggedRange? Flag)
{
    /// <summary>An address no range describes: every value unknown, not flagged.</summary>
    public static AddressInfo Unknown => default;

    public string? Location => Place?.Location;

    public string? Domain => Place?.Domain;

    public string? CloudProvider => Place?.CloudProvider;

    public string? AzureRegion => Place?.AzureRegion;

    public bool Flagged => Flag is not null;
}

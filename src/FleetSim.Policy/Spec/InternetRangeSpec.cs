namespace FleetSim.Policy.Spec;

/// <summary>
/// [FleetSim rule] What the simulated internet knows about a block of addresses: where it is, which
/// domain and cloud provider own it, and for Azure addresses the data center region. Threat
/// detection learns these values per server and raises anomalies for unseen ones.
/// </summary>
public sealed record InternetRangeSpec
{
    /// <summary>A CIDR prefix (198.51.100.0/24), a start-end range (198.51.100.1-198.51.100.9) or one address.</summary>
    public string? Range { get; init; }

    /// <summary>Where the addresses are, e.g. "Amsterdam, NL" (GeoAnomaly).</summary>
    public string? Location { get; init; }

    /// <summary>The organisation's domain, e.g. contoso.com (DomainAnomaly).</summary>
    public string? Domain { get; init; }

    /// <summary>The cloud provider that owns the range, e.g. Azure, AWS, GCP (CloudProviderAnomaly).</summary>
    public string? CloudProvider { get; init; }

    /// <summary>The Azure region of an Azure range, e.g. westeurope (DataCenterAnomaly).</summary>
    public string? AzureRegion { get; init; }
}

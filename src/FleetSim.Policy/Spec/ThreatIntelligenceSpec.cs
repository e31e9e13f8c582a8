namespace FleetSim.Policy.Spec;

/// <summary>
/// [FleetSim rule] A range flagged by threat intelligence (a botnet, a Tor exit, a known scanner):
/// a successful login from it raises SuspiciousIpAnomaly.
/// </summary>
public sealed record ThreatIntelligenceSpec
{
    /// <summary>A CIDR prefix, a start-end range or one address, as in <see cref="InternetRangeSpec.Range"/>.</summary>
    public string? Range { get; init; }

    /// <summary>Why the range is flagged; it goes into the alert's description.</summary>
    public string? Description { get; init; }
}

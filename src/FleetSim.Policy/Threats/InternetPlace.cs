using FleetSim.Policy.Network;

namespace FleetSim.Policy.Threats;

/// <summary>What the fleet's internet section says about a range of addresses; any value may be unknown.</summary>
public sealed record InternetPlace(Ipv4Range Range, string? Location, string? Domain, string? CloudProvider, string? AzureRegion);

using FleetSim.Policy.Network;

namespace FleetSim.Policy.Threats;

/// <summary>A range threat intelligence flags, and why.</summary>
public sealed record FlaggedRange(Ipv4Range Range, string? Description);

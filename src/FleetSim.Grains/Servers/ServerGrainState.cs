using FleetSim.Policy.Sessions;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Servers;

/// <summary>
/// What a server persists beyond its specification: the accounts and grants its administrator
/// changed at run time (password hashes only), what threat detection has learned, and where its
/// connection ids had got to.
/// </summary>
[GenerateSerializer]
public sealed class ServerGrainState
{
    [Id(0)] public AccessControlState? Access { get; set; }
    [Id(1)] public long LastConnectionId { get; set; }
    [Id(2)] public ThreatDetectorState? Threats { get; set; }
    [Id(3)] public DateTimeOffset? KeyLostAt { get; set; }
    [Id(4)] public bool KeyInaccessible { get; set; }
}

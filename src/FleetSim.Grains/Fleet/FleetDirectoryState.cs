using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// What the fleet directory persists: the fleet document it last provisioned, with password hashes
/// in place of passwords, and when each server it keeps the first backup snapshot of was created.
/// </summary>
[GenerateSerializer]
public sealed class FleetDirectoryState
{
    [Id(0)] public FleetSpec? Fleet { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Dictionary<string, DateTimeOffset>? CreatedAt { get; set; }
}

using System.Text.Json;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// What the fleet directory persists: the fleet document it last provisioned, with password hashes
/// in place of passwords, and when each server it keeps the first backup snapshot of was created.
/// </summary>
[GenerateSerializer]
public sealed class FleetDirectoryState
{
    /// <summary>The document as it was stored before it was kept as JSON: read once, then rewritten.</summary>
    [Id(0)] public FleetSpec? Fleet { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Dictionary<string, DateTimeOffset>? CreatedAt { get; set; }

    /// <summary>
    /// The document in its own JSON format. As objects, a fleet of 100,000 servers is millions of
    /// strings and lists that the grain serializer tracks one reference at a time, which took most
    /// of provisioning such a fleet; as JSON it is one array of bytes.
    /// </summary>
    [Id(3)] public byte[]? Document { get; set; }

    public FleetSpec? ReadFleet() => Document is { } document ? JsonSerializer.Deserialize<FleetSpec>(document, FleetSpecReader.Options) : Fleet;

    public void Keep(FleetSpec fleet) => (Document, Fleet) = (JsonSerializer.SerializeToUtf8Bytes(fleet, Compact), null);

    private static readonly JsonSerializerOptions Compact = new(FleetSpecReader.Options) { WriteIndented = false };
}

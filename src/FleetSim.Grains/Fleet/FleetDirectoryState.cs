using System.IO.Compression;
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
    /// The document in its own JSON format, compressed. As objects, a fleet of 100,000 servers is
    /// millions of strings and lists that the grain serializer tracks one reference at a time,
    /// which took most of provisioning such a fleet; as JSON it is one array of bytes, and
    /// compressed it is a tenth of that, so that each copy the storage makes of it is cheap.
    /// </summary>
    [Id(3)] public byte[]? Document { get; set; }

    public FleetSpec? ReadFleet()
    {
        if (Document is not { } document)
            return Fleet;
        using var json = new BrotliStream(new MemoryStream(document), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<FleetSpec>(json, FleetSpecReader.Options);
    }

    public void Keep(FleetSpec fleet)
    {
        using var buffer = new MemoryStream();
        using (var json = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(json, fleet, Compact);
        (Document, Fleet) = (buffer.ToArray(), null);
    }

    private static readonly JsonSerializerOptions Compact = new(FleetSpecReader.Options) { WriteIndented = false };
}

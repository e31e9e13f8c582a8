using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Contracts.Audit;

/// <summary>
/// A shard of the audit pipeline, keyed "{region}/{shard}". Servers and gateways send it batches,
/// never single records; it writes them to the audit store in larger batches, on a timer, when its
/// buffer fills, on Flush, and when it is deactivated, so that nothing accepted is lost.
/// </summary>
public interface IAuditSinkGrain : IGrainWithStringKey
{
    /// <summary>Accepts a batch; once this returns the sink owns it and will store it.</summary>
    Task Append(AuditBatch batch);

    /// <summary>
    /// Stores a batch before returning (acknowledged durability), in one write with whatever other
    /// batches arrive meanwhile. Throws when the write failed: the batch is then not the sink's.
    /// </summary>
    Task Commit(AuditBatch batch);

    /// <summary>Writes everything buffered to the store before returning.</summary>
    Task Flush();
}

/// <summary>Records from one server or gateway: audit records, gateway decisions, security alerts.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditBatch(
    IReadOnlyList<AuditRecord> Records,
    IReadOnlyList<GatewayLogRecord> GatewayDecisions,
    IReadOnlyList<SecurityAlert> Alerts)
{
    public int Count => Records.Count + GatewayDecisions.Count + Alerts.Count;
}

public static class AuditSinkKeys
{
    /// <summary>Sink shards per region: enough that no single sink is hot, few enough to batch well.</summary>
    public const int ShardsPerRegion = 4;

    public static string For(string region, string source) =>
        $"{region}/{(uint)StableHash(source) % ShardsPerRegion}";

    public static IEnumerable<string> All(IEnumerable<string> regions) =>
        regions.SelectMany(region => Enumerable.Range(0, ShardsPerRegion).Select(shard => $"{region}/{shard}"));

    // string.GetHashCode differs between processes; shards must not.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked((hash * 31) + c);
        return hash;
    }
}

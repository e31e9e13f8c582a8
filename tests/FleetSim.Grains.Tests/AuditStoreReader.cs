using FleetSim.AuditStore;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Tests;

/// <summary>Flushes the audit pipeline and reads back what reached the store.</summary>
public static class AuditStoreReader
{
    public static async Task<IReadOnlyList<AuditRecord>> Records(IGrainFactory grains, string storePath, string server)
    {
        await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).FlushAudit();
        await using var store = new SqliteAuditStore(storePath);
        return await store.QueryAsync(new AuditQuery { Server = server, Limit = int.MaxValue });
    }

    public static async Task<IReadOnlyList<GatewayLogRecord>> Decisions(IGrainFactory grains, string storePath, string server)
    {
        await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).FlushAudit();
        await using var store = new SqliteAuditStore(storePath);
        return await store.QueryGatewayAsync(new AuditQuery { Server = server, Limit = int.MaxValue });
    }

    public static async Task<IReadOnlyList<SecurityAlert>> Alerts(IGrainFactory grains, string storePath, string server)
    {
        await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).FlushAudit();
        await using var store = new SqliteAuditStore(storePath);
        return await store.AlertsAsync(new AuditQuery { Server = server, Limit = int.MaxValue });
    }
}

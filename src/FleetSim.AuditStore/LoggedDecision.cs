using FleetSim.Policy.Audit;

namespace FleetSim.AuditStore;

/// <summary>A gateway log entry with the id the store gave it (a SQLite row id, a Redis stream entry id).</summary>
public sealed record LoggedDecision(string Id, GatewayLogRecord Decision);

/// <summary>Refuses an entry a replay cannot use, naming the store, the entry and what it lacks.</summary>
internal static class ReplayGuard
{
    public static LoggedDecision Check(string store, LoggedDecision entry) => entry.Decision.Replayable
        ? entry
        : throw new AuditStoreLocationException(
            $"audit store {store}: gateway log entry {entry.Id} ({entry.Decision.Time:O}) was written before the gateway log recorded what a replay needs "
            + "(the source as the client sent it, the host dialled, the TLS version, the database, the application and whether authentication succeeded); "
            + "replay a store written by this FleetSim, or narrow the window with --since/--until to entries it wrote");
}

namespace FleetSim.Grains.Audit;

/// <summary>
/// When a client is told "done" relative to when its audit records are safe: the price of audit
/// durability, chosen per silo (FleetSim:AuditDurability).
/// </summary>
public enum AuditDurability
{
    /// <summary>
    /// Records wait in the grains' outboxes and the sinks' buffers and are written in large
    /// batches (every 200 ms and 500 ms at most). A graceful stop loses nothing; a hard kill loses
    /// the window not yet written, which the run report counts.
    /// </summary>
    Batched,

    /// <summary>
    /// A connection, statement or disconnect is reported only after its records are in the store:
    /// the sink group-commits every batch that arrives while a write is in progress into the next
    /// write. A hard kill loses nothing that a client was told about.
    /// </summary>
    Acknowledged,
}

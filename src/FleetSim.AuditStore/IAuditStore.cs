using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.AuditStore;

/// <summary>
/// Durable home of the audit log (category MySqlAuditLogs), the gateway connection log and the
/// security alerts. Writes come in batches from the audit sinks; reads serve the CLI.
/// </summary>
public interface IAuditStore : IAsyncDisposable
{
    /// <summary>Stores a batch atomically: when this returns, every record in it is durable.</summary>
    Task AppendAsync(IReadOnlyList<AuditRecord> records, IReadOnlyList<GatewayLogRecord> gatewayDecisions,
        IReadOnlyList<SecurityAlert> alerts, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GatewayLogRecord>> QueryGatewayAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The gateway log from <paramref name="since"/> (inclusive) to <paramref name="until"/>
    /// (exclusive), in log order (time, then arrival), each entry with its id, for `whatif` to
    /// replay; ends with <see cref="AuditStoreLocationException"/> at an entry written before the
    /// log held what a replay needs.
    /// </summary>
    IAsyncEnumerable<LoggedDecision> ReplayGatewayAsync(DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SecurityAlert>> AlertsAsync(AuditQuery query, CancellationToken cancellationToken = default);

    Task<AuditStats> StatsAsync(CancellationToken cancellationToken = default);
}

namespace FleetSim.AuditStore;

/// <summary>A filter over the audit log; null fields match everything.</summary>
public sealed record AuditQuery
{
    public string? Server { get; init; }

    /// <summary>An audit_log_events name: CONNECTION, DML_SELECT, DML_NONSELECT, DML, DDL, DCL, ADMIN or GENERAL.</summary>
    public string? Event { get; init; }

    public string? User { get; init; }
    public string? Ip { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int Limit { get; init; } = 1000;
}

/// <summary>Counts a person checks first: by server, by event class and subclass, by gateway reason.</summary>
public sealed record AuditStats(
    long AuditRecords,
    long GatewayDecisions,
    long Alerts,
    IReadOnlyList<(string Key, long Count)> ByServer,
    IReadOnlyList<(string Key, long Count)> ByEvent,
    IReadOnlyList<(string Key, long Count)> ByGatewayReason,
    IReadOnlyList<(string Key, long Count)> ByAlert,
    IReadOnlyList<(string Key, long Count)> DecisionsByServer,
    IReadOnlyList<(string Key, long Count)> DecisionsByGateway)
{
    /// <summary>Audit records and gateway log entries: what the fleet tells clients it logged, so what a run reconciles.</summary>
    public long Logged => AuditRecords + GatewayDecisions;
}

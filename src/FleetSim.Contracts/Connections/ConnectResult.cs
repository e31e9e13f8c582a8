using FleetSim.Policy.Decisions;
using FleetSim.Policy.Sessions;

namespace FleetSim.Contracts.Connections;

/// <summary>
/// What one statement of a session did: error code 0 when it ran, else MariaDB's error; how
/// many audit records the server logged for it; its rows when it has some to answer; and the
/// error's SQLSTATE, as a real client prints it; with a fleet model, its modelled latency when the
/// caller gave its arrival (the server's leg, as the server returns it to the gateway).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StatementResult(string Category, int Code, string Message, int Audited = 0, ResultTable? Rows = null, string? SqlState = null,
    Policy.Model.ModelledLatency? Modelled = null)
{
    public bool Succeeded => Code == 0;
}

/// <summary>One stage of a decision, for `explain`.</summary>
[GenerateSerializer, Immutable]
public sealed record TraceEntry(string Stage, bool Passed, string Detail)
{
    /// <summary>A policy trace as it crosses grain boundaries; null when no trace was asked for.</summary>
    public static IReadOnlyList<TraceEntry>? From(DecisionTrace? trace) =>
        trace?.Steps.Select(s => new TraceEntry(s.Stage, s.Passed, s.Detail)).ToList();
}

/// <summary>
/// The decision on a connection: its reason, the error code and message the client sees, the rule that allowed it, and when the connection is
/// held open, its connection id on the server. Audited counts the audit records and gateway log
/// entries the fleet wrote for it (including its inline statements), so that what clients were
/// told can be reconciled with the store. Redirect says the redirect policy applies: the client is
/// to be told where the server really is. DecisionLogged: the server stored the gateway's log
/// entry with its own records (acknowledged durability), and counted it in Audited.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConnectResult(
    ConnectionReason Reason,
    int Code,
    string Message,
    string? Rule,
    string? Server,
    string? Gateway,
    long ConnectionId = 0,
    IReadOnlyList<TraceEntry>? Trace = null,
    IReadOnlyList<StatementResult>? Statements = null,
    int Audited = 0,
    bool Redirect = false,
    Policy.Model.ModelledLatency? Modelled = null,
    bool DecisionLogged = false)
{
    public bool Allowed => Code == 0;
}

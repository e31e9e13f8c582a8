using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Audit;

/// <summary>
/// A server's audit log writer without the writing: each method returns the record the event
/// produces under the current <see cref="AuditPolicy"/>, or null when the policy leaves it out.
/// The server grain hands the records to the log store.
/// </summary>
public sealed class AuditTrail(string server, string region, AuditPolicy policy)
{
    public string Server { get; } = server;

    public string Region { get; } = region;

    /// <summary>Replaced when the audit parameters change; the next event follows the new policy.</summary>
    public AuditPolicy Policy { get; set; } = policy;

    public AuditRecord? Connected(DateTimeOffset at, long connectionId, string ip, string user, string? db) =>
        Policy.ShouldLog(AuditEvents.CONNECTION, user) ? AuditRecord.Connect(Server, Region, at, connectionId, ip, user, db) : null;

    /// <summary>A login the server refused (1045, 1040, 1044 for the default database): a CONNECT record with the code.</summary>
    public AuditRecord? LoginFailed(DateTimeOffset at, long connectionId, string ip, string user, string? db, int errorCode) =>
        Policy.ShouldLog(AuditEvents.CONNECTION, user) ? AuditRecord.Connect(Server, Region, at, connectionId, ip, user, db, errorCode) : null;

    public AuditRecord? Disconnected(DateTimeOffset at, Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Policy.ShouldLog(AuditEvents.CONNECTION, session.User)
            ? AuditRecord.Disconnect(Server, Region, at, session.ConnectionId, session.ClientIp, session.User, session.Database)
            : null;
    }

    public AuditRecord? Statement(DateTimeOffset at, Session session, in StatementOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Policy.ShouldLog(outcome.Category, session.User) ? AuditRecord.Statement(Server, Region, at, session, outcome) : null;
    }
}

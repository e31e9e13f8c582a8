using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Audit;

/// <summary>
/// One record of a server's audit log (category MySqlAuditLogs), with the real schema's fields:
/// event_class, event_subclass, event_time, connection_id, ip, user, db, sql_text, error_code, and
/// the resource's server name and region.
/// </summary>
public sealed record AuditRecord(
    AuditEventClass EventClass,
    AuditEventSubclass EventSubclass,
    DateTimeOffset EventTime,
    long ConnectionId,
    string Ip,
    string User,
    string? Db,
    string SqlText,
    int ErrorCode,
    string Server,
    string Region)
{
    /// <summary>sql_text keeps at most this many characters.</summary>
    public const int MaxSqlTextLength = 2048;

    /// <summary>
    /// A login at the server: successful (error code 0), or refused by the server itself with 1045
    /// (wrong password) or 1040 (too many connections). Refusals at the gateway never reach the server.
    /// </summary>
    public static AuditRecord Connect(string server, string region, DateTimeOffset at, long connectionId, string ip, string user, string? db, int errorCode = 0) =>
        new(AuditEventClass.connection_log, AuditEventSubclass.CONNECT, at, connectionId, ip, user, db, "", errorCode, server, region);

    public static AuditRecord Disconnect(string server, string region, DateTimeOffset at, long connectionId, string ip, string user, string? db) =>
        new(AuditEventClass.connection_log, AuditEventSubclass.DISCONNECT, at, connectionId, ip, user, db, "", 0, server, region);

    /// <summary>A statement of a session: LOG when it ran, ERROR with its code when it was refused.</summary>
    public static AuditRecord Statement(string server, string region, DateTimeOffset at, Session session, in StatementOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(AuditEventClass.general_log, outcome.Succeeded ? AuditEventSubclass.LOG : AuditEventSubclass.ERROR, at, session.ConnectionId, session.ClientIp, session.User,
            outcome.Database, Cut(outcome.AuditText), outcome.ErrorCode, server, region);
    }

    /// <summary>Cuts to <see cref="MaxSqlTextLength"/> characters, never between the halves of a surrogate pair.</summary>
    public static string Cut(string sqlText)
    {
        ArgumentNullException.ThrowIfNull(sqlText);
        if (sqlText.Length <= MaxSqlTextLength)
            return sqlText;
        var length = char.IsHighSurrogate(sqlText[MaxSqlTextLength - 1]) ? MaxSqlTextLength - 1 : MaxSqlTextLength;
        return sqlText[..length];
    }
}

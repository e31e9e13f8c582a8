using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// One open connection on a server: who, from where, in which database; it runs statements
/// against the server's <see cref="AccessControl"/>. Owned by the server grain, like its state.
/// </summary>
public sealed class Session(AccessControl access, long connectionId, string user, string clientIp, string? database = null)
{
    public long ConnectionId { get; } = connectionId;

    public string User { get; } = user;

    /// <summary>The client's address as the server sees it, as in 'user'@'ip'.</summary>
    public string ClientIp { get; } = clientIp;

    /// <summary>The current database: set at login or by USE, cleared when it is dropped.</summary>
    public string? Database { get; private set; } = database;

    /// <summary>The TLS version the client connected with (None for plain text).</summary>
    public TlsVersion Tls { get; init; }

    /// <summary>The TLS cipher, when the client's transport reported it.</summary>
    public string? Cipher { get; init; }

    /// <summary>The rows a statement that succeeded answers with, if it is one a session can answer (see <see cref="QueryAnswers"/>).</summary>
    public ResultTable? Answer(string sql, IReadOnlyDictionary<string, string> variables) =>
        QueryAnswers.Answer(sql, new SessionFacts(User, Account.AnyHost, ClientIp, Database, ConnectionId, Tls, Cipher, variables,
            () => access.ShowGrants(User), () => access.VisibleDatabases(User)));

    /// <summary>Parses, authorizes and applies one statement; the outcome says what the audit log records.</summary>
    public StatementOutcome Execute(string sql)
    {
        var parsed = StatementParser.Parse(sql);
        if (parsed.Statement is not { } statement)
            return new StatementOutcome(parsed.Category, parsed.Error, Database, parsed.AuditText);

        var version = access.Version;
        var error = access.Authorize(User, ClientIp, statement, Database) ?? access.Apply(User, statement, Database);
        if (error is null && statement is DatabaseStatement { Action: DatabaseAction.Use or DatabaseAction.Drop } change)
            Database = change.Action == DatabaseAction.Use ? change.Database
                : string.Equals(Database, change.Database, StringComparison.OrdinalIgnoreCase) ? null : Database;
        return new StatementOutcome(statement.Category, error, Database, parsed.AuditText, access.Version != version);
    }
}

using FleetSim.Contracts.Connections;
using FleetSim.Grains.Audit;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>
/// A server's connections at work, once admission has decided: it opens sessions for admitted
/// logins, runs their statements, closes or kills them, and writes what each step does to the
/// audit trail and to threat detection, through the server's outbox.
/// </summary>
internal sealed class ServerSessions(string server, SessionTable table, ThreatWatch threats, IAuditOutbox outbox, ILogger logger, Action learned)
{
    private static readonly StatementResult Killed = new("ADMIN", SqlErrors.ConnectionKilled.Code, SqlErrors.ConnectionKilled.Message, SqlState: SqlErrors.ConnectionKilled.SqlState);

    // What FleetSim has always answered for a connection the client itself closed.
    private static readonly StatementResult GoneAway = new("ADMIN", 2006, "MySQL server has gone away");

    // Who holds each held session's client connection, when someone asked to be told of its end.
    private readonly Dictionary<long, ISessionObserver> _observers = [];

    /// <summary>Who may log in and what they may do; replaced when the server is configured or restored.</summary>
    public AccessControl? Access { get; set; }

    /// <summary>What the server's audit parameters log; replaced when the server is configured.</summary>
    public AuditTrail? Audit { get; set; }

    /// <summary>The server's system variables, as its sessions read them; replaced when the server is judged anew.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; set; } = new Dictionary<string, string>();

    public SessionTable Table => table;

    /// <summary>Takes a specification: what its audit parameters log and, unless kept from run-time changes, its accounts.</summary>
    public void Configure(ServerSpec spec, bool keepAccounts)
    {
        if (!keepAccounts)
            Access = AccessControl.FromSpec(spec);
        Audit = new AuditTrail(spec.Name!, spec.Region!, AuditPolicy.FromParameters(spec.Configurations));
    }

    /// <summary>Answers a login admission has decided; says whether its statements changed the accounts.</summary>
    public (ConnectResult Result, bool ChangedAccounts) Answer(RoutedConnection connection, string ip, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        var accounts = Access!.Version;
        var result = verdict.Allowed ? Open(connection, ip, at, verdict, trace) : Refuse(connection, ip, at, verdict, trace);
        return (result, Access.Version != accounts);
    }

    private ConnectResult Open(RoutedConnection connection, string ip, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        var asked = connection.Session;
        var id = table.NextId();
        var session = new Session(Access!, id, connection.Login, ip, asked.Database) { Tls = connection.Tls, Cipher = asked.TlsCipher };
        outbox.Add(Audit!.Connected(at, id, ip, connection.Login, asked.Database));
        Observe(connection, ip, at, succeeded: true, 0);

        var statements = asked.Statements is { Count: > 0 } sqls ? sqls.Select(sql => Run(session, sql, at).Result).ToList() : null;
        if (asked.Hold)
        {
            table.Hold(session);
            if (asked.Observer is { } observer)
                _observers[id] = observer;
        }
        else
        {
            outbox.Add(Audit.Disconnected(at, session));
        }
        var redirect = RedirectPolicy.Applies(Variables, connection.Tls, connection.Source.Kind);
        return Results.From(verdict, server, connection.Gateway, trace, id) with { Statements = statements, Redirect = redirect };
    }

    private ConnectResult Refuse(RoutedConnection connection, string ip, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        // Only what the server itself refused reaches its audit log; the network checks belong to
        // the gateway, whose own log records them.
        if (verdict.Reason is ConnectionReason.AccessDenied or ConnectionReason.TooManyConnections)
        {
            outbox.Add(Audit!.LoginFailed(at, 0, ip, connection.Login, connection.Session.Database, verdict.Code));
            Observe(connection, ip, at, succeeded: false, verdict.Code);
        }
        return Results.From(verdict, server, connection.Gateway, trace);
    }

    /// <summary>A statement in a held session; one the server ended (or whose server is gone) gets 1927.</summary>
    public (StatementResult Result, bool ChangedAccounts) Execute(long connectionId, string sql, DateTimeOffset at, bool serverGone)
    {
        if (table.TryGet(connectionId, out var session))
            return Run(session, sql, at);
        return (serverGone || table.WasKilled(connectionId) ? Killed : GoneAway, false);
    }

    /// <summary>The client closes its connection; returns how many audit records that logged.</summary>
    public int Close(long connectionId, DateTimeOffset at)
    {
        _observers.Remove(connectionId);
        if (!table.Close(connectionId, out var session))
            return 0;
        var record = Audit!.Disconnected(at, session);
        outbox.Add(record);
        return record is null ? 0 : 1;
    }

    /// <summary>The server is deleted: its open sessions end, and nothing more is admitted or audited here.</summary>
    public void Deleted(DateTimeOffset at)
    {
        if (Audit is not null)
            ServerLog.Deleted(logger, server, table.Count);
        KillAll(at);
        (Access, Audit) = (null, null);
    }

    /// <summary>The server is no longer Ready (stopped, or Inaccessible): its open sessions end.</summary>
    public void CannotServe(DateTimeOffset at, ServerState state)
    {
        if (table.Count == 0)
            return;
        ServerLog.CannotServe(logger, server, state, table.Count);
        KillAll(at);
    }

    /// <summary>The server can no longer serve: every open session ends, each with its DISCONNECT record.</summary>
    public void KillAll(DateTimeOffset at)
    {
        foreach (var session in table.KillAll())
        {
            outbox.Add(Audit?.Disconnected(at, session));
            ServerLog.SessionKilled(logger, server, session.ConnectionId, session.User, session.ClientIp);
            if (_observers.Remove(session.ConnectionId, out var observer))
                _ = observer.Ended(server, session.ConnectionId);
        }
    }

    private (StatementResult Result, bool ChangedAccounts) Run(Session session, string sql, DateTimeOffset at)
    {
        var outcome = session.Execute(sql);
        outbox.Add(Audit!.Statement(at, session, outcome));
        var rows = outcome.Succeeded ? session.Answer(sql, Variables) : null;
        return (new StatementResult(outcome.Category.ToString(), outcome.ErrorCode, outcome.ErrorMessage, Rows: rows, SqlState: outcome.Error?.SqlState), outcome.ChangedAccounts);
    }

    private void Observe(RoutedConnection connection, string ip, DateTimeOffset at, bool succeeded, int errorCode)
    {
        outbox.Add(threats.Observe(at, ip, connection.Login, connection.Session.App, succeeded, errorCode, Access!.Exists(connection.Login)));
        if (threats.Unsaved)
            learned();
    }
}

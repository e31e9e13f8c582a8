using FleetSim.Policy.Audit;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FleetSim.AuditStore;

/// <summary>
/// Writes one batch as one transaction through SQLite's own prepared statements, one per table,
/// kept for the life of the store: the ADO.NET command path cost half the append rate (measured
/// with the load tests' `store` verb: boxed parameters, a data reader per row, every string copied
/// to UTF-8 by hand). Text is bound as UTF-16, which SQLite converts without a managed copy.
/// (Multi-row INSERTs were measured and were slower here.)
/// </summary>
internal sealed class SqliteWrites : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _audit;
    private readonly sqlite3_stmt _gateway;
    private readonly sqlite3_stmt _alerts;

    public SqliteWrites(SqliteConnection connection)
    {
        _connection = connection;
        _db = connection.Handle!;
        _audit = Prepare("INSERT INTO audit_log (event_class, event_subclass, event, event_time, connection_id, ip, user, db, sql_text, error_code, server, region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        _gateway = Prepare("INSERT INTO gateway_log (time, gateway, server, source, user, reason, code, rule, region, host, sent_source, tls, db, app, authenticated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        _alerts = Prepare("INSERT INTO alerts (alert_type, kind, severity, server, ip, user, at, description) VALUES (?,?,?,?,?,?,?,?)");
    }

    /// <summary>Stores the batch whole or not at all.</summary>
    public void Append(IReadOnlyList<AuditRecord> records, IReadOnlyList<GatewayLogRecord> decisions, IReadOnlyList<SecurityAlert> alerts)
    {
        // BEGIN IMMEDIATE, waiting while another process of the machine holds the write lock: once
        // it is ours, no insert of the batch can meet a busy database.
        using var transaction = _connection.BeginTransaction();
        foreach (var r in records)
        {
            Text(_audit, 1, EnumNames<AuditEventClass>.Of(r.EventClass));
            Text(_audit, 2, EnumNames<AuditEventSubclass>.Of(r.EventSubclass));
            Text(_audit, 3, EventCategories.Of(r));
            Number(_audit, 4, r.EventTime.ToUnixTimeMilliseconds());
            Number(_audit, 5, r.ConnectionId);
            Text(_audit, 6, r.Ip);
            Text(_audit, 7, r.User);
            Text(_audit, 8, r.Db);
            Text(_audit, 9, r.SqlText);
            Number(_audit, 10, r.ErrorCode);
            Text(_audit, 11, r.Server);
            Text(_audit, 12, r.Region);
            Insert(_audit);
        }
        foreach (var d in decisions)
        {
            Number(_gateway, 1, d.Time.ToUnixTimeMilliseconds());
            Text(_gateway, 2, d.Gateway);
            Text(_gateway, 3, d.Server);
            Text(_gateway, 4, d.Source);
            Text(_gateway, 5, d.User);
            Text(_gateway, 6, EnumNames<Policy.Decisions.ConnectionReason>.Of(d.Reason));
            Number(_gateway, 7, d.Code);
            Text(_gateway, 8, d.Rule);
            Text(_gateway, 9, d.Region);
            Text(_gateway, 10, d.Host);
            Text(_gateway, 11, d.SentSource);
            Text(_gateway, 12, d.Tls?.ToOffered());
            Text(_gateway, 13, d.Database);
            Text(_gateway, 14, d.App);
            Flag(_gateway, 15, d.Authenticated);
            Insert(_gateway);
        }
        foreach (var a in alerts)
        {
            Text(_alerts, 1, a.AlertType);
            Text(_alerts, 2, a.Kind.ToString());
            Text(_alerts, 3, a.Severity.ToString());
            Text(_alerts, 4, a.Server);
            Text(_alerts, 5, a.Ip);
            Text(_alerts, 6, a.User);
            Number(_alerts, 7, a.At.ToUnixTimeMilliseconds());
            Text(_alerts, 8, a.Description);
            Insert(_alerts);
        }
        transaction.Commit();
    }

    public void Dispose()
    {
        raw.sqlite3_finalize(_audit);
        raw.sqlite3_finalize(_gateway);
        raw.sqlite3_finalize(_alerts);
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void Text(sqlite3_stmt statement, int index, string? value) =>
        Check(value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            // An empty span may come with a null pointer, which SQLite would store as NULL.
            "" => raw.sqlite3_bind_text(statement, index, ""),
            _ => raw.sqlite3_bind_text16(statement, index, value.AsSpan()),
        });

    private void Number(sqlite3_stmt statement, int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    private void Flag(sqlite3_stmt statement, int index, bool? value) =>
        Check(value is { } flag ? raw.sqlite3_bind_int(statement, index, flag ? 1 : 0) : raw.sqlite3_bind_null(statement, index));

    private void Insert(sqlite3_stmt statement)
    {
        var code = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (code != raw.SQLITE_DONE)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), code);
    }

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), code);
    }
}

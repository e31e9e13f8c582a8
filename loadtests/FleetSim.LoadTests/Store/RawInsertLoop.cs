using FleetSim.AuditStore;
using FleetSim.LoadTests.Bench;
using FleetSim.Policy.Audit;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FleetSim.LoadTests.Store;

/// <summary>
/// The baseline the audit store's appends are measured against: the same rows into the same
/// tables of a file with the same settings, straight through SQLite's C API (one prepared
/// statement per table, BEGIN/COMMIT per batch, nothing else). What the store costs beyond this
/// is its own overhead.
/// </summary>
public sealed class RawInsertLoop : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _audit;
    private readonly sqlite3_stmt _gateway;

    public RawInsertLoop(string path)
    {
        // The store creates the file with its schema and pragmas; this loop only writes rows to it.
        new SqliteAuditStore(path).DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        _db = _connection.Handle!;
        Check(raw.sqlite3_exec(_db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"));
        Check(raw.sqlite3_prepare_v2(_db, "INSERT INTO audit_log (event_class, event_subclass, event, event_time, connection_id, ip, user, db, sql_text, error_code, server, region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", out _audit));
        Check(raw.sqlite3_prepare_v2(_db, "INSERT INTO gateway_log (time, gateway, server, source, user, reason, code, rule, region) VALUES (?,?,?,?,?,?,?,?,?)", out _gateway));
    }

    public void Append(ConnectionRows batch)
    {
        Check(raw.sqlite3_exec(_db, "BEGIN"));
        foreach (var r in batch.Records)
        {
            raw.sqlite3_bind_text(_audit, 1, r.EventClass == AuditEventClass.connection_log ? "connection_log" : "general_log");
            raw.sqlite3_bind_text(_audit, 2, r.EventSubclass == AuditEventSubclass.CONNECT ? "CONNECT" : "DISCONNECT");
            raw.sqlite3_bind_text(_audit, 3, "CONNECTION");
            raw.sqlite3_bind_int64(_audit, 4, r.EventTime.ToUnixTimeMilliseconds());
            raw.sqlite3_bind_int64(_audit, 5, r.ConnectionId);
            raw.sqlite3_bind_text(_audit, 6, r.Ip);
            raw.sqlite3_bind_text(_audit, 7, r.User);
            Text(_audit, 8, r.Db);
            raw.sqlite3_bind_text(_audit, 9, r.SqlText);
            raw.sqlite3_bind_int64(_audit, 10, r.ErrorCode);
            raw.sqlite3_bind_text(_audit, 11, r.Server);
            raw.sqlite3_bind_text(_audit, 12, r.Region);
            Step(_audit);
        }
        foreach (var d in batch.Decisions)
        {
            raw.sqlite3_bind_int64(_gateway, 1, d.Time.ToUnixTimeMilliseconds());
            raw.sqlite3_bind_text(_gateway, 2, d.Gateway);
            Text(_gateway, 3, d.Server);
            raw.sqlite3_bind_text(_gateway, 4, d.Source);
            raw.sqlite3_bind_text(_gateway, 5, d.User);
            raw.sqlite3_bind_text(_gateway, 6, "Allowed");
            raw.sqlite3_bind_int64(_gateway, 7, d.Code);
            Text(_gateway, 8, d.Rule);
            raw.sqlite3_bind_text(_gateway, 9, d.Region);
            Step(_gateway);
        }
        Check(raw.sqlite3_exec(_db, "COMMIT"));
    }

    public void Dispose()
    {
        raw.sqlite3_finalize(_audit);
        raw.sqlite3_finalize(_gateway);
        _connection.Dispose();
    }

    private static void Text(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
            raw.sqlite3_bind_null(statement, index);
        else
            raw.sqlite3_bind_text(statement, index, value);
    }

    private void Step(sqlite3_stmt statement)
    {
        if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
            throw new InvalidOperationException(raw.sqlite3_errmsg(_db).utf8_to_string());
        raw.sqlite3_reset(statement);
    }

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK)
            throw new InvalidOperationException(raw.sqlite3_errmsg(_db).utf8_to_string());
    }
}

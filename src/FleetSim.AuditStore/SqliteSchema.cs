namespace FleetSim.AuditStore;

/// <summary>The audit store's tables, and the indexes for the queries `fleetsim audit` offers.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY,
            event_class TEXT NOT NULL,
            event_subclass TEXT NOT NULL,
            event TEXT NOT NULL,
            event_time INTEGER NOT NULL,
            connection_id INTEGER NOT NULL,
            ip TEXT NOT NULL,
            user TEXT NOT NULL,
            db TEXT,
            sql_text TEXT NOT NULL,
            error_code INTEGER NOT NULL,
            server TEXT NOT NULL,
            region TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS gateway_log (
            id INTEGER PRIMARY KEY,
            time INTEGER NOT NULL,
            gateway TEXT NOT NULL,
            server TEXT,
            source TEXT NOT NULL,
            user TEXT NOT NULL,
            reason TEXT NOT NULL,
            code INTEGER NOT NULL,
            rule TEXT,
            region TEXT NOT NULL,
            host TEXT,
            sent_source TEXT,
            tls TEXT,
            db TEXT,
            app TEXT,
            authenticated INTEGER);
        CREATE TABLE IF NOT EXISTS alerts (
            id INTEGER PRIMARY KEY,
            alert_type TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            server TEXT NOT NULL,
            ip TEXT NOT NULL,
            user TEXT NOT NULL,
            at INTEGER NOT NULL,
            description TEXT NOT NULL);
        """;

    /// <summary>
    /// What the gateway log gained for replay (`whatif --traffic STORE`), added to a store written
    /// before: old entries keep them empty and replay refuses them, new ones fill them.
    /// </summary>
    public static readonly (string Column, string Type)[] ReplayColumns =
        [("host", "TEXT"), ("sent_source", "TEXT"), ("tls", "TEXT"), ("db", "TEXT"), ("app", "TEXT"), ("authenticated", "INTEGER")];

    /// <summary>
    /// Built when a store is opened for queries, not while silos write: every index multiplies the
    /// cost of an insert (measured: 2.3 times fewer audited connections per second with them), and
    /// a log is written far more often than it is read.
    /// </summary>
    public const string QueryIndexes = """
        CREATE INDEX IF NOT EXISTS ix_audit_time ON audit_log (event_time);
        CREATE INDEX IF NOT EXISTS ix_audit_server ON audit_log (server, event_time);
        CREATE INDEX IF NOT EXISTS ix_audit_user ON audit_log (user, event_time);
        CREATE INDEX IF NOT EXISTS ix_audit_ip ON audit_log (ip, event_time);
        CREATE INDEX IF NOT EXISTS ix_audit_event ON audit_log (event, event_time);
        CREATE INDEX IF NOT EXISTS ix_gateway_time ON gateway_log (time);
        CREATE INDEX IF NOT EXISTS ix_gateway_server ON gateway_log (server, time);
        CREATE INDEX IF NOT EXISTS ix_gateway_reason ON gateway_log (reason);
        CREATE INDEX IF NOT EXISTS ix_alerts_at ON alerts (at);
        CREATE INDEX IF NOT EXISTS ix_alerts_server ON alerts (server, at);
        """;
}

using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using Microsoft.Data.Sqlite;

namespace FleetSim.AuditStore;

/// <summary>Batch inserts with one prepared command per table, reused for every row of the batch.</summary>
internal static class SqliteWrites
{
    public static void InsertAudit(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 0)
            return;
        using var command = Prepare(connection, transaction,
            "INSERT INTO audit_log (event_class, event_subclass, event, event_time, connection_id, ip, user, db, sql_text, error_code, server, region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", 12);
        foreach (var r in records)
        {
            Run(command, r.EventClass.ToString(), r.EventSubclass.ToString(), SqliteAuditStore.EventOf(r), r.EventTime.ToUnixTimeMilliseconds(),
                r.ConnectionId, r.Ip, r.User, r.Db, r.SqlText, r.ErrorCode, r.Server, r.Region);
        }
    }

    public static void InsertGateway(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<GatewayLogRecord> records)
    {
        if (records.Count == 0)
            return;
        using var command = Prepare(connection, transaction,
            "INSERT INTO gateway_log (time, gateway, server, source, user, reason, code, rule, region) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        foreach (var r in records)
            Run(command, r.Time.ToUnixTimeMilliseconds(), r.Gateway, r.Server, r.Source, r.User, r.Reason.ToString(), r.Code, r.Rule, r.Region);
    }

    public static void InsertAlerts(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SecurityAlert> alerts)
    {
        if (alerts.Count == 0)
            return;
        using var command = Prepare(connection, transaction,
            "INSERT INTO alerts (alert_type, kind, severity, server, ip, user, at, description) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", 8);
        foreach (var a in alerts)
            Run(command, a.AlertType, a.Kind.ToString(), a.Severity.ToString(), a.Server, a.Ip, a.User, a.At.ToUnixTimeMilliseconds(), a.Description);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}

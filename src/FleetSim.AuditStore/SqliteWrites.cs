using System.Globalization;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using Microsoft.Data.Sqlite;

namespace FleetSim.AuditStore;

/// <summary>
/// Batch inserts with one prepared statement per table, kept for the life of the store and reused
/// by every batch. (Multi-row INSERTs were measured and were slower here: binding parameters by
/// name grows with their number.)
/// </summary>
internal sealed class SqliteWrites(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var command in _prepared.Values)
            command.Dispose();
    }

    private static readonly string[] AuditColumns =
        ["event_class", "event_subclass", "event", "event_time", "connection_id", "ip", "user", "db", "sql_text", "error_code", "server", "region"];

    private static readonly string[] GatewayColumns = ["time", "gateway", "server", "source", "user", "reason", "code", "rule", "region"];

    private static readonly string[] AlertColumns = ["alert_type", "kind", "severity", "server", "ip", "user", "at", "description"];

    public void InsertAudit(SqliteTransaction transaction, IReadOnlyList<AuditRecord> records) =>
        Insert(transaction, "audit_log", AuditColumns, records, (r, values) =>
        {
            values[0] = r.EventClass.ToString();
            values[1] = r.EventSubclass.ToString();
            values[2] = EventCategories.Of(r);
            values[3] = r.EventTime.ToUnixTimeMilliseconds();
            values[4] = r.ConnectionId;
            values[5] = r.Ip;
            values[6] = r.User;
            values[7] = r.Db;
            values[8] = r.SqlText;
            values[9] = r.ErrorCode;
            values[10] = r.Server;
            values[11] = r.Region;
        });

    public void InsertGateway(SqliteTransaction transaction, IReadOnlyList<GatewayLogRecord> records) =>
        Insert(transaction, "gateway_log", GatewayColumns, records, (r, values) =>
        {
            values[0] = r.Time.ToUnixTimeMilliseconds();
            values[1] = r.Gateway;
            values[2] = r.Server;
            values[3] = r.Source;
            values[4] = r.User;
            values[5] = r.Reason.ToString();
            values[6] = r.Code;
            values[7] = r.Rule;
            values[8] = r.Region;
        });

    public void InsertAlerts(SqliteTransaction transaction, IReadOnlyList<SecurityAlert> alerts) =>
        Insert(transaction, "alerts", AlertColumns, alerts, (a, values) =>
        {
            values[0] = a.AlertType;
            values[1] = a.Kind.ToString();
            values[2] = a.Severity.ToString();
            values[3] = a.Server;
            values[4] = a.Ip;
            values[5] = a.User;
            values[6] = a.At.ToUnixTimeMilliseconds();
            values[7] = a.Description;
        });

    private void Insert<T>(SqliteTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Action<T, object?[]> fill)
    {
        if (rows.Count == 0)
            return;
        var values = new object?[columns.Length];
        var command = Prepared(table, columns);
        command.Transaction = transaction;
        foreach (var row in rows)
        {
            fill(row, values);
            for (var column = 0; column < columns.Length; column++)
                command.Parameters[column].Value = values[column] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private SqliteCommand Prepared(string table, string[] columns)
    {
        if (_prepared.TryGetValue(table, out var known))
            return known;
        var command = connection.CreateCommand();
        var names = columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})";
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter(name, null));
        return _prepared[table] = command;
    }
}

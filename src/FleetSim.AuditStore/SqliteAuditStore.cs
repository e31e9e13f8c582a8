using System.Globalization;
using System.Runtime.CompilerServices;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using Microsoft.Data.Sqlite;

namespace FleetSim.AuditStore;

/// <summary>
/// The embedded audit store: one SQLite file in WAL mode, so several silos of one machine (or a
/// test cluster) can write to it and the CLI can read it while they do. Each batch is one
/// transaction: it is stored whole or not at all.
/// </summary>
public sealed class SqliteAuditStore : IAuditStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteWrites _writes;

    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    /// <param name="forQueries">Build the query indexes now (readers); writers leave them out.</param>
    public SqliteAuditStore(string path, bool forQueries = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 60, Pooling = false }.ToString());
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = forQueries ? SqliteSchema.Create + SqliteSchema.QueryIndexes : SqliteSchema.Create;
        create.ExecuteNonQuery();
        AddReplayColumns();
        _writes = new SqliteWrites(_connection);
    }

    public string Path { get; }

    public async Task AppendAsync(IReadOnlyList<AuditRecord> records, IReadOnlyList<GatewayLogRecord> gatewayDecisions,
        IReadOnlyList<SecurityAlert> alerts, CancellationToken cancellationToken = default)
    {
        if (records.Count + gatewayDecisions.Count + alerts.Count == 0)
            return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _writes.Append(records, gatewayDecisions, alerts);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(command =>
        {
            var where = new SqlFilter(command)
                .Equal("server", query.Server).Equal("user", query.User).Equal("ip", query.Ip)
                .In("event", EventCategories.Named(query.Event)).Range("event_time", query.Since, query.Until);
            command.CommandText = $"SELECT event_class, event_subclass, event_time, connection_id, ip, user, db, sql_text, error_code, server, region FROM audit_log{where} ORDER BY event_time, id LIMIT {query.Limit.ToString(CultureInfo.InvariantCulture)}";
        }, reader => new AuditRecord(
            Enum.Parse<AuditEventClass>(reader.GetString(0)), Enum.Parse<AuditEventSubclass>(reader.GetString(1)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetInt32(8), reader.GetString(9), reader.GetString(10)),
            cancellationToken);

    public Task<IReadOnlyList<GatewayLogRecord>> QueryGatewayAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(command =>
        {
            var where = new SqlFilter(command).Equal("server", query.Server).Equal("user", query.User)
                .Range("time", query.Since, query.Until);
            command.CommandText = $"SELECT {DecisionColumns} FROM gateway_log{where} ORDER BY time, id LIMIT {query.Limit.ToString(CultureInfo.InvariantCulture)}";
        }, reader => ReadDecision(reader), cancellationToken);

    public async IAsyncEnumerable<LoggedDecision> ReplayGatewayAsync(DateTimeOffset? since, DateTimeOffset? until,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            var where = new SqlFilter(command).Range("time", since, until);
            command.CommandText = $"SELECT {DecisionColumns}, id FROM gateway_log{where} ORDER BY time, id";
            // Read synchronously: the file is local, and an awaited read would add a task a row to a million-row replay.
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = reader.GetInt64(DecisionColumnCount).ToString(CultureInfo.InvariantCulture);
                yield return ReplayGuard.Check(Path, new LoggedDecision(id, ReadDecision(reader)));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<SecurityAlert>> AlertsAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        ReadAsync(command =>
        {
            var where = new SqlFilter(command).Equal("server", query.Server).Equal("user", query.User).Equal("ip", query.Ip)
                .Range("at", query.Since, query.Until);
            command.CommandText = $"SELECT alert_type, kind, severity, server, ip, user, at, description FROM alerts{where} ORDER BY at, id LIMIT {query.Limit.ToString(CultureInfo.InvariantCulture)}";
        }, reader => new SecurityAlert(reader.GetString(0), Enum.Parse<ThreatAlertKind>(reader.GetString(1)), Enum.Parse<AlertSeverity>(reader.GetString(2)),
            reader.GetString(3), reader.GetString(4), reader.GetString(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), reader.GetString(7)),
            cancellationToken);

    public async Task<AuditStats> StatsAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return new AuditStats(
                Count("SELECT count(*) FROM audit_log"),
                Count("SELECT count(*) FROM gateway_log"),
                Count("SELECT count(*) FROM alerts"),
                Groups("SELECT server, count(*) FROM audit_log GROUP BY server ORDER BY 2 DESC, 1"),
                Groups("SELECT event_class || '/' || event_subclass || ' ' || event, count(*) FROM audit_log GROUP BY 1 ORDER BY 2 DESC, 1"),
                Groups("SELECT reason, count(*) FROM gateway_log GROUP BY reason ORDER BY 2 DESC, 1"),
                Groups("SELECT alert_type || ' (' || severity || ')', count(*) FROM alerts GROUP BY 1 ORDER BY 2 DESC, 1"),
                Groups("SELECT server, count(*) FROM gateway_log GROUP BY server ORDER BY 2 DESC, 1 LIMIT 10"),
                Groups("SELECT gateway || ' (' || region || ')', count(*) FROM gateway_log GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"));
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _writes.Dispose();
        _connection.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private const string DecisionColumns = "time, gateway, server, source, user, reason, code, rule, region, host, sent_source, tls, db, app, authenticated";
    private const int DecisionColumnCount = 15;

    private static GatewayLogRecord ReadDecision(SqliteDataReader reader) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), Text(reader, 2),
        reader.GetString(3), reader.GetString(4), Enum.Parse<ConnectionReason>(reader.GetString(5)), reader.GetInt32(6),
        Text(reader, 7), reader.GetString(8), Text(reader, 9), Text(reader, 10),
        Text(reader, 11) is { } tls ? TlsVersions.ParseOffered(tls) : null, Text(reader, 12), Text(reader, 13),
        reader.IsDBNull(14) ? null : reader.GetInt64(14) != 0);

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>A store written before the gateway log held what replay needs gains the columns, empty for its old entries.</summary>
    private void AddReplayColumns()
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var columns = _connection.CreateCommand())
        {
            columns.CommandText = "SELECT name FROM pragma_table_info('gateway_log')";
            using var reader = columns.ExecuteReader();
            while (reader.Read())
                present.Add(reader.GetString(0));
        }
        foreach (var (column, type) in SqliteSchema.ReplayColumns.Where(c => !present.Contains(c.Column)))
        {
            using var alter = _connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE gateway_log ADD COLUMN {column} {type}";
            alter.ExecuteNonQuery();
        }
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(Action<SqliteCommand> prepare, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            prepare(command);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(read(reader));
            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private List<(string, long)> Groups(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
            rows.Add((reader.IsDBNull(0) ? "(none)" : reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }
}

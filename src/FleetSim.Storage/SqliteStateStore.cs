using Microsoft.Data.Sqlite;

namespace FleetSim.Storage;

/// <summary>
/// The rows of grain state in one SQLite file (WAL, so several silos of a machine and the CLI can
/// share it), with optimistic concurrency by ETag. Knows nothing of Orleans or encryption: it stores
/// whatever bytes it is given; <see cref="SqliteGrainStorage"/> and key rotation build on it.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    public SqliteStateStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, DefaultTimeout = 60, Pooling = false }.ToString());
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = SqliteStateSchema.Create;
        create.ExecuteNonQuery();
    }

    /// <summary>The SQLite file.</summary>
    public string Path { get; }

    string IStateStore.Location => Path;

    /// <summary>Whether the file exists and holds at least one state row; opens it read-only and creates nothing.</summary>
    public static bool HoldsState(string path)
    {
        if (!File.Exists(path))
            return false;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 60, Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'grain_state') AND EXISTS (SELECT 1 FROM grain_state)";
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            // "no such table" when the file is some other database: it holds no FleetSim state.
            return false;
        }
    }

    /// <summary>The row, or null when none is stored.</summary>
    public StoredState? Read(string stateName, string grainId)
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $s AND grain_id = $g";
            command.Parameters.AddWithValue("$s", stateName);
            command.Parameters.AddWithValue("$g", grainId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredState(stateName, grainId, reader.GetString(0), (byte[])reader.GetValue(1)) : null;
        }
    }

    /// <summary>
    /// Writes the row if its ETag is <paramref name="expectedETag"/>, or inserts it if
    /// <paramref name="expectedETag"/> is null and no row exists; otherwise changes nothing.
    /// </summary>
    public StateWriteResult Write(string stateName, string grainId, string? expectedETag, byte[] payload)
    {
        var etag = NewETag();
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = expectedETag is null
                ? "INSERT INTO grain_state (state_name, grain_id, etag, payload, modified) VALUES ($s, $g, $new, $p, $t) ON CONFLICT DO NOTHING"
                : "UPDATE grain_state SET etag = $new, payload = $p, modified = $t WHERE state_name = $s AND grain_id = $g AND etag = $old";
            command.Parameters.AddWithValue("$s", stateName);
            command.Parameters.AddWithValue("$g", grainId);
            command.Parameters.AddWithValue("$new", etag);
            command.Parameters.AddWithValue("$p", payload);
            command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (expectedETag is not null)
                command.Parameters.AddWithValue("$old", expectedETag);
            if (command.ExecuteNonQuery() == 1)
            {
                transaction.Commit();
                return new StateWriteResult(true, etag);
            }
            return new StateWriteResult(false, CurrentETag(transaction, stateName, grainId));
        }
    }

    /// <summary>Deletes the row if its ETag is <paramref name="expectedETag"/>; with a null ETag succeeds only when there is no row.</summary>
    public StateWriteResult Delete(string stateName, string grainId, string? expectedETag)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            var stored = CurrentETag(transaction, stateName, grainId);
            if (stored != expectedETag)
                return new StateWriteResult(false, stored);
            if (stored is not null)
            {
                using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM grain_state WHERE state_name = $s AND grain_id = $g";
                command.Parameters.AddWithValue("$s", stateName);
                command.Parameters.AddWithValue("$g", grainId);
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            return new StateWriteResult(true, null);
        }
    }

    /// <summary>
    /// Replaces the bytes of every row for which <paramref name="rewrite"/> returns new ones, keeping
    /// the ETag (the state did not change, so active grains keep writing without a conflict). Works in
    /// batches, each one transaction that reads and writes its rows: a reader sees every row either
    /// before or after, and an exception leaves earlier batches done and the failing one untouched.
    /// </summary>
    /// <returns>How many rows were rewritten.</returns>
    public int Rewrap(Func<byte[], byte[]?> rewrite) => Rewrap(rewrite, 256);

    /// <inheritdoc cref="Rewrap(Func{byte[], byte[]?})"/>
    public int Rewrap(Func<byte[], byte[]?> rewrite, int batchSize)
    {
        var rewritten = 0;
        (string State, string Grain)? after = null;
        while (true)
        {
            lock (_lock)
            {
                using var transaction = _connection.BeginTransaction();
                var batch = ReadBatch(transaction, after, batchSize);
                if (batch.Count == 0)
                    return rewritten;
                using var update = _connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE grain_state SET payload = $p WHERE state_name = $s AND grain_id = $g";
                var p = update.Parameters.Add("$p", SqliteType.Blob);
                var s = update.Parameters.Add("$s", SqliteType.Text);
                var g = update.Parameters.Add("$g", SqliteType.Text);
                foreach (var row in batch)
                {
                    if (rewrite(row.Payload) is not { } payload)
                        continue;
                    (p.Value, s.Value, g.Value) = (payload, row.StateName, row.GrainId);
                    update.ExecuteNonQuery();
                    rewritten++;
                }
                transaction.Commit();
                after = (batch[^1].StateName, batch[^1].GrainId);
            }
        }
    }

    /// <summary>Every row, in key order (for inspection and tests).</summary>
    public IReadOnlyList<StoredState> ReadAll()
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction(deferred: true);
            return ReadBatch(transaction, null, int.MaxValue);
        }
    }

    private List<StoredState> ReadBatch(SqliteTransaction transaction, (string State, string Grain)? after, int limit)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = after is null
            ? "SELECT state_name, grain_id, etag, payload FROM grain_state ORDER BY state_name, grain_id LIMIT $n"
            : "SELECT state_name, grain_id, etag, payload FROM grain_state WHERE (state_name, grain_id) > ($s, $g) ORDER BY state_name, grain_id LIMIT $n";
        command.Parameters.AddWithValue("$n", limit);
        if (after is { } key)
        {
            command.Parameters.AddWithValue("$s", key.State);
            command.Parameters.AddWithValue("$g", key.Grain);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<StoredState>();
        while (reader.Read())
            rows.Add(new StoredState(reader.GetString(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3)));
        return rows;
    }

    private string? CurrentETag(SqliteTransaction transaction, string stateName, string grainId)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $s AND grain_id = $g";
        command.Parameters.AddWithValue("$s", stateName);
        command.Parameters.AddWithValue("$g", grainId);
        return command.ExecuteScalar() as string;
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");

    public void Dispose() => _connection.Dispose();
}

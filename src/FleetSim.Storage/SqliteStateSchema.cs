namespace FleetSim.Storage;

/// <summary>The state table: one row per (state name, grain id), the stored bytes and an ETag.</summary>
internal static class SqliteStateSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            etag TEXT NOT NULL,
            payload BLOB NOT NULL,
            modified INTEGER NOT NULL,
            PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
        """;
}

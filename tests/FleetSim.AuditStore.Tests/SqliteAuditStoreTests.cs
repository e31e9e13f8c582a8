using Microsoft.Data.Sqlite;

namespace FleetSim.AuditStore.Tests;

/// <summary>The contract on the SQLite store, each test with a new file.</summary>
public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override IAuditStore Open() =>
        new SqliteAuditStore(Path.Combine(Directory.CreateTempSubdirectory("fleetsim-audit-contract-").FullName, "audit.db"), forQueries: true);

    [Fact]
    public async Task A_store_written_before_replay_gains_the_columns_and_its_old_entries_are_refused_by_name()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-audit-old-").FullName, "audit.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE gateway_log (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, gateway TEXT NOT NULL, server TEXT, source TEXT NOT NULL,
                    user TEXT NOT NULL, reason TEXT NOT NULL, code INTEGER NOT NULL, rule TEXT, region TEXT NOT NULL);
                INSERT INTO gateway_log (time, gateway, server, source, user, reason, code, rule, region)
                    VALUES (1764324000000, '40.71.8.203', 'contoso', 'internet address 203.0.113.9', 'app@contoso', 'Allowed', 0, 'office', 'eastus');
                """;
            create.ExecuteNonQuery();
        }

        await using var store = new SqliteAuditStore(path, forQueries: true);
        var refused = await Assert.ThrowsAsync<AuditStoreLocationException>(async () =>
        {
            await foreach (var _ in store.ReplayGatewayAsync(null, null, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains($"audit store {path}: gateway log entry 1 (2025-11-28T10:00:00.0000000+00:00)", refused.Message, StringComparison.Ordinal);
        Assert.Equal("office", (await store.QueryGatewayAsync(new AuditQuery(), TestContext.Current.CancellationToken)).Single().Rule);
    }
}

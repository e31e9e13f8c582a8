namespace FleetSim.AuditStore.Tests;

/// <summary>The contract on the SQLite store, each test with a new file.</summary>
public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override IAuditStore Open() =>
        new SqliteAuditStore(Path.Combine(Directory.CreateTempSubdirectory("fleetsim-audit-contract-").FullName, "audit.db"), forQueries: true);
}

using FleetSim.Storage.Encryption;
using Orleans.TestingHost;

namespace FleetSim.Storage.Tests;

/// <summary>The cluster storage contract with state in a SQLite file.</summary>
public sealed class SqliteClusterStorageTests : ClusterStorageContract
{
    private readonly StorageFiles _files = new();

    protected override Task<InProcessTestCluster> StartCluster() => _files.StartCluster();

    protected override IStateStore Store() => new SqliteStateStore(_files.Database);

    // The whole file as it lies on disk, its WAL and shared memory included.
    protected override byte[] RawBytes() => _files.RawBytes();

    protected override string KeyFile => _files.KeyFile;

    protected override StateEncryptionOptions Encryption => _files.Encryption;

    [Fact]
    public async Task The_plaintext_check_sees_the_grain_id_the_file_keeps_in_clear()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));

        Assert.True(StorageFiles.Contains(RawBytes(), "server-a"), "the grain id is a key column, stored in clear: the check itself must see plaintext");
    }

    protected override void Dispose(bool disposing) => _files.Dispose();
}

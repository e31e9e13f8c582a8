using System.Security.Cryptography;
using FleetSim.Storage.Encryption;
using Orleans.Storage;

namespace FleetSim.Storage.Tests;

/// <summary>The provider on its own: ETags, wrong keys, rotation, clearing.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly GrainId ServerA = GrainId.Create("server", "server-a");
    private readonly StorageFiles _files = new();

    private static ServiceKey NewKey(string id) => new(id, RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task A_write_with_a_stale_ETag_throws_InconsistentStateException_and_keeps_the_newer_state()
    {
        using var storage = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-a")));
        var first = new GrainState<ServerState>(StorageFiles.Sample(1));
        await storage.WriteStateAsync("state", ServerA, first);
        var stale = new GrainState<ServerState>(StorageFiles.Sample(2), first.ETag);
        await storage.WriteStateAsync("state", ServerA, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", ServerA, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", ServerA, new GrainState<ServerState>(StorageFiles.Sample(3))));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("state", ServerA, stale));

        var read = new GrainState<ServerState>();
        await storage.ReadStateAsync("state", ServerA, read);
        Assert.Equal(1, read.State!.Generation);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task Clearing_removes_the_row_and_a_read_then_finds_no_record()
    {
        using var storage = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-a")));
        var state = new GrainState<ServerState>(StorageFiles.Sample(1));
        await storage.WriteStateAsync("state", ServerA, state);
        await storage.ClearStateAsync("state", ServerA, state);

        var read = new GrainState<ServerState>();
        await storage.ReadStateAsync("state", ServerA, read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Empty(storage.Store.ReadAll());
    }

    [Fact]
    public async Task A_wrong_key_fails_with_an_error_naming_the_key_and_leaves_the_row_unchanged()
    {
        using (var writer = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-a"))))
            await writer.WriteStateAsync("state", ServerA, new GrainState<ServerState>(StorageFiles.Sample(1)));
        using var storage = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-a")));
        var before = storage.Store.ReadAll().Single();

        var error = await Assert.ThrowsAsync<StateDecryptionException>(() => storage.ReadStateAsync("state", ServerA, new GrainState<ServerState>()));

        Assert.Equal("sk-a", error.ServiceKeyId);
        Assert.Contains("'sk-a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("left unchanged", error.Message, StringComparison.Ordinal);
        var after = storage.Store.ReadAll().Single();
        Assert.Equal(before.Payload, after.Payload);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task A_missing_key_fails_with_an_error_naming_the_key_and_the_keys_available()
    {
        using (var writer = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-a"))))
            await writer.WriteStateAsync("state", ServerA, new GrainState<ServerState>(StorageFiles.Sample(1)));
        using var storage = _files.Storage(ServiceKeyStore.InMemory(NewKey("sk-b")));

        var error = await Assert.ThrowsAsync<StateDecryptionException>(() => storage.ReadStateAsync("state", ServerA, new GrainState<ServerState>()));

        Assert.Equal("sk-a", error.ServiceKeyId);
        Assert.Contains("sk-b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_rewraps_every_record_keeps_ETags_and_reads_after_the_old_key_is_removed()
    {
        var keys = ServiceKeyStore.Open(_files.Encryption);
        var oldKey = keys.CurrentKeyId;
        using var storage = _files.Storage(keys);
        var grains = Enumerable.Range(0, 300).Select(i => GrainId.Create("server", $"server-{i}")).ToList();
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
            await storage.WriteStateAsync("state", grain, new GrainState<ServerState>(StorageFiles.Sample(i)));
        var etags = storage.Store.ReadAll().ToDictionary(r => r.GrainId, r => r.ETag);

        var (newKey, rewrapped) = StateKeyRotation.Rotate(storage.Store, keys);
        keys.Remove(oldKey);

        Assert.Equal(300, rewrapped);
        Assert.Equal([newKey], keys.KeyIds);
        Assert.Equal(0, StateKeyRotation.Rewrap(storage.Store, keys));
        foreach (var row in storage.Store.ReadAll())
        {
            Assert.Equal(newKey, EncryptingGrainStorageSerializer.ServiceKeyIdOf(row.Payload));
            Assert.Equal(etags[row.GrainId], row.ETag);
        }
        using var reopened = _files.Storage(ServiceKeyStore.Open(_files.Encryption));
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = new GrainState<ServerState>();
            await reopened.ReadStateAsync("state", grain, read);
            Assert.Equal(i, read.State!.Generation);
            Assert.Equal(StorageFiles.Sample(i).Users, read.State!.Users);
        }
    }

    public void Dispose() => _files.Dispose();
}

using FleetSim.Storage.Encryption;

namespace FleetSim.Storage.Tests;

/// <summary>Durable, encrypted state seen from grains: across silo restarts, in the raw file, with keys lost or rotated.</summary>
public sealed class ClusterStorageTests : IDisposable
{
    private readonly StorageFiles _files = new();

    [Fact]
    public async Task After_a_restart_every_server_reads_back_exactly_as_it_was()
    {
        await using (var first = await _files.StartCluster())
        {
            for (var i = 0; i < 3; i++)
                await first.Client.GetGrain<IServerStateGrain>($"server-{i}").Save(StorageFiles.Sample(i));
        }

        await using var second = await _files.StartCluster();
        for (var i = 0; i < 3; i++)
        {
            var state = await second.Client.GetGrain<IServerStateGrain>($"server-{i}").Load();
            var expected = StorageFiles.Sample(i);
            Assert.Equal(expected.Administrator, state.Administrator);
            Assert.Equal(expected.FirewallRules, state.FirewallRules);
            Assert.Equal(expected.Users, state.Users);
            Assert.Equal(i, state.Generation);
        }
    }

    [Fact]
    public async Task The_stored_bytes_contain_none_of_the_known_plaintexts()
    {
        await using (var cluster = await _files.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));

        var raw = _files.RawBytes();
        Assert.NotEmpty(raw);
        Assert.True(StorageFiles.Contains(raw, "server-a"), "the grain id is a key column, stored in clear: the check itself must see plaintext");
        foreach (var secret in StorageFiles.Secrets)
            Assert.False(StorageFiles.Contains(raw, secret), $"'{secret}' is stored in clear");
    }

    [Fact]
    public async Task A_missing_key_file_with_stored_state_refuses_to_start_and_creates_no_key()
    {
        await using (var cluster = await _files.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        File.Move(_files.KeyFile, _files.KeyFile + ".lost");
        byte[] before;
        using (var store = new SqliteStateStore(_files.Database))
            before = store.ReadAll().Single().Payload;

        var error = await Assert.ThrowsAnyAsync<Exception>(_files.StartCluster);

        var cause = Causes(error).OfType<ServiceKeyUnavailableException>().FirstOrDefault();
        Assert.True(cause is not null, error.ToString());
        Assert.Contains(_files.KeyFile, cause.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.KeyFile));
        using (var store = new SqliteStateStore(_files.Database))
            Assert.Equal(before, store.ReadAll().Single().Payload);

        File.Move(_files.KeyFile + ".lost", _files.KeyFile);
        await using var restored = await _files.StartCluster();
        Assert.Equal(1, (await restored.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    [Fact]
    public async Task Rotation_while_the_silo_runs_keeps_every_server_readable_and_the_old_key_can_go()
    {
        await using var cluster = await _files.StartCluster();
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        await cluster.Client.GetGrain<IServerStateGrain>("server-b").Save(StorageFiles.Sample(2));

        // What `fleetsim keys rotate` does from another process: its own view of the key file and the state file.
        var keys = ServiceKeyStore.Open(_files.Encryption);
        var oldKey = keys.CurrentKeyId;
        using (var store = new SqliteStateStore(_files.Database))
        {
            var (newKey, rewrapped) = StateKeyRotation.Rotate(store, keys);
            Assert.Equal(2, rewrapped);
            Assert.All(store.ReadAll(), row => Assert.Equal(newKey, EncryptingGrainStorageSerializer.ServiceKeyIdOf(row.Payload)));
        }
        keys.Remove(oldKey);

        // The running silo meets the new key id, reloads the key file and keeps going: reads and writes.
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(3));
        await cluster.DisposeAsync();
        await using var restarted = await _files.StartCluster();
        Assert.Equal(3, (await restarted.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
        Assert.Equal(2, (await restarted.Client.GetGrain<IServerStateGrain>("server-b").Load()).Generation);
    }

    [Fact]
    public async Task A_wrong_key_file_fails_the_grain_with_an_error_naming_the_key_and_destroys_nothing()
    {
        await using (var cluster = await _files.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        var keyFile = File.ReadAllBytes(_files.KeyFile);
        var storedKey = ServiceKeyStore.Open(_files.Encryption).CurrentKeyId;
        File.Delete(_files.KeyFile);
        ServiceKeyStore.Open(_files.Encryption); // someone else's key file in its place
        byte[] before;
        using (var store = new SqliteStateStore(_files.Database))
            before = store.ReadAll().Single().Payload;

        await using (var cluster = await _files.StartCluster())
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<IServerStateGrain>("server-a").Load());
            Assert.Contains($"'{storedKey}'", error.ToString(), StringComparison.Ordinal);
        }

        using (var store = new SqliteStateStore(_files.Database))
            Assert.Equal(before, store.ReadAll().Single().Payload);
        File.WriteAllBytes(_files.KeyFile, keyFile);
        await using var restored = await _files.StartCluster();
        Assert.Equal(1, (await restored.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                    yield return inner;
        }
    }

    public void Dispose() => _files.Dispose();
}

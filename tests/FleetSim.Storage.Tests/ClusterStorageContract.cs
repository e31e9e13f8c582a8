using FleetSim.Storage.Encryption;
using Orleans.TestingHost;

namespace FleetSim.Storage.Tests;

/// <summary>
/// Durable, encrypted state seen from grains, whatever the backend: across silo restarts, in the
/// raw stored bytes, with the key file lost, wrong or rotated while the silo runs. Run against
/// each backend by a small class (SQLite, Redis), which adds what only that backend promises.
/// </summary>
public abstract class ClusterStorageContract : IDisposable
{
    /// <summary>A one-silo cluster of this test's service, its state in the backend, encrypted with the test's key file.</summary>
    protected abstract Task<InProcessTestCluster> StartCluster();

    /// <summary>The store key rotation works on, as <c>fleetsim keys rotate</c> opens it from another process.</summary>
    protected abstract IStateStore Store();

    /// <summary>Every byte the backend keeps of this test's records, as someone reading the store directly sees it.</summary>
    protected abstract byte[] RawBytes();

    protected abstract string KeyFile { get; }

    protected abstract StateEncryptionOptions Encryption { get; }

    [Fact]
    public async Task After_a_restart_every_server_reads_back_exactly_as_it_was()
    {
        await using (var first = await StartCluster())
        {
            for (var i = 0; i < 3; i++)
                await first.Client.GetGrain<IServerStateGrain>($"server-{i}").Save(StorageFiles.Sample(i));
        }
        Assert.True(File.Exists(KeyFile), "the first start creates the key file");

        await using var second = await StartCluster();
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
    public async Task The_stored_records_are_encrypted_and_contain_none_of_the_known_plaintexts()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));

        using (var store = Store())
        {
            var payload = Assert.Single(store.ReadAll()).Payload;
            Assert.Equal("FSE1"u8.ToArray(), payload[..4]);
            Assert.Equal(ServiceKeyStore.Open(Encryption).CurrentKeyId, EncryptingGrainStorageSerializer.ServiceKeyIdOf(payload));
        }
        var raw = RawBytes();
        Assert.NotEmpty(raw);
        foreach (var secret in StorageFiles.Secrets)
            Assert.False(StorageFiles.Contains(raw, secret), $"'{secret}' is stored in clear");
    }

    [Fact]
    public async Task A_missing_key_file_with_stored_state_refuses_to_start_and_creates_no_key()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        File.Move(KeyFile, KeyFile + ".lost");
        var before = Payloads();

        var error = await Assert.ThrowsAnyAsync<Exception>(StartCluster);

        var cause = Causes(error).OfType<ServiceKeyUnavailableException>().FirstOrDefault();
        Assert.True(cause is not null, error.ToString());
        Assert.Contains(KeyFile, cause.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
        Assert.Equal(before, Payloads());

        File.Move(KeyFile + ".lost", KeyFile);
        await using var restored = await StartCluster();
        Assert.Equal(1, (await restored.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    [Fact]
    public async Task A_wrong_key_file_fails_the_grain_with_an_error_naming_the_key_and_destroys_nothing()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        var keyFile = File.ReadAllBytes(KeyFile);
        var storedKey = ServiceKeyStore.Open(Encryption).CurrentKeyId;
        File.Delete(KeyFile);
        ServiceKeyStore.Open(Encryption); // someone else's key file in its place
        var before = Payloads();

        await using (var cluster = await StartCluster())
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<IServerStateGrain>("server-a").Load());
            Assert.Contains($"'{storedKey}'", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Payloads());
        File.WriteAllBytes(KeyFile, keyFile);
        await using var restored = await StartCluster();
        Assert.Equal(1, (await restored.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    [Fact]
    public async Task Rotation_while_the_silo_runs_rewraps_every_record_and_the_old_key_can_go()
    {
        await using var cluster = await StartCluster();
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        await cluster.Client.GetGrain<IServerStateGrain>("server-b").Save(StorageFiles.Sample(2));

        // What `fleetsim keys rotate` does from another process: its own view of the key file and of the store.
        var keys = ServiceKeyStore.Open(Encryption);
        var oldKey = keys.CurrentKeyId;
        using (var store = Store())
        {
            var before = store.ReadAll();
            var (newKey, rewrapped) = StateKeyRotation.Rotate(store, keys);

            Assert.Equal(2, rewrapped);
            var after = store.ReadAll();
            Assert.Equal(before.Select(s => (s.StateName, s.GrainId, s.ETag)), after.Select(s => (s.StateName, s.GrainId, s.ETag)));
            Assert.All(after, s => Assert.Equal(newKey, EncryptingGrainStorageSerializer.ServiceKeyIdOf(s.Payload)));
            Assert.Equal(0, StateKeyRotation.Rewrap(store, keys));
        }
        keys.Remove(oldKey);

        // The running silo keeps writing over the kept ETag, and meets the new key on reading.
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(3));
        await cluster.DisposeAsync();
        await using var restarted = await StartCluster();
        Assert.Equal(3, (await restarted.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
        Assert.Equal(2, (await restarted.Client.GetGrain<IServerStateGrain>("server-b").Load()).Generation);
    }

    private List<byte[]> Payloads()
    {
        using var store = Store();
        return [.. store.ReadAll().Select(s => s.Payload)];
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

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

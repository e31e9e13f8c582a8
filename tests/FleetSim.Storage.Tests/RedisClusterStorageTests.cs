using FleetSim.Storage.Encryption;

namespace FleetSim.Storage.Tests;

/// <summary>
/// Encrypted state in Redis (started by tests/run, FLEETSIM_TEST_REDIS), seen from grains: across silo
/// restarts, in the raw values, with the key file lost, and rotated while the silo runs.
/// </summary>
public sealed class RedisClusterStorageTests : IDisposable
{
    private readonly RedisStorage _redis = new();

    [Fact]
    public async Task After_a_restart_every_server_reads_back_exactly_as_it_was()
    {
        await using (var first = await _redis.StartCluster())
        {
            for (var i = 0; i < 3; i++)
                await first.Client.GetGrain<IServerStateGrain>($"server-{i}").Save(StorageFiles.Sample(i));
        }
        Assert.True(File.Exists(_redis.KeyFile), "the first start creates the key file");

        await using var second = await _redis.StartCluster();
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
    public async Task The_raw_values_are_encrypted_records_and_contain_none_of_the_known_plaintexts()
    {
        await using (var cluster = await _redis.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));

        var (key, fields) = Assert.Single(_redis.Raw());
        Assert.Equal($"{_redis.ServiceId}/state/serverstate/server-a/state", key);
        var data = (byte[])fields.Single(f => f.Name == "data").Value!;
        Assert.Equal("FSE1"u8.ToArray(), data[..4]);
        Assert.Equal(ServiceKeyStore.Open(_redis.Encryption).CurrentKeyId, EncryptingGrainStorageSerializer.ServiceKeyIdOf(data));
        var values = _redis.RawValues();
        foreach (var secret in StorageFiles.Secrets)
            Assert.False(StorageFiles.Contains(values, secret), $"'{secret}' is stored in clear");
    }

    [Fact]
    public async Task A_missing_key_file_with_stored_state_refuses_to_start_and_creates_no_key()
    {
        await using (var cluster = await _redis.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        File.Move(_redis.KeyFile, _redis.KeyFile + ".lost");
        var before = _redis.RawValues();

        var error = await Assert.ThrowsAnyAsync<Exception>(_redis.StartCluster);

        var cause = Causes(error).OfType<ServiceKeyUnavailableException>().FirstOrDefault();
        Assert.True(cause is not null, error.ToString());
        Assert.Contains(_redis.KeyFile, cause.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_redis.KeyFile));
        Assert.Equal(before, _redis.RawValues());

        File.Move(_redis.KeyFile + ".lost", _redis.KeyFile);
        await using var restored = await _redis.StartCluster();
        Assert.Equal(1, (await restored.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    [Fact]
    public async Task Another_service_on_the_same_Redis_is_no_reason_to_refuse_a_new_key_file()
    {
        await using (var cluster = await _redis.StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        File.Delete(_redis.KeyFile);

        // Keys are prefixed by the ServiceId: a new service starts with a key of its own.
        var otherService = _redis.ServiceId + "-other";
        await using (var other = await _redis.StartCluster(otherService))
            Assert.Equal(0, (await other.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);

        Assert.True(File.Exists(_redis.KeyFile));
    }

    [Fact]
    public async Task Rotation_while_the_silo_runs_rewraps_every_record_and_the_old_key_can_go()
    {
        await using var cluster = await _redis.StartCluster();
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        await cluster.Client.GetGrain<IServerStateGrain>("server-b").Save(StorageFiles.Sample(2));
        using var store = _redis.Store();
        var before = store.ReadAll();

        // What `fleetsim keys rotate` does from another process: its own view of the key file and of Redis.
        var keys = ServiceKeyStore.Open(_redis.Encryption);
        var oldKey = keys.CurrentKeyId;
        var (newKey, rewrapped) = StateKeyRotation.Rotate(store, keys);

        Assert.Equal(2, rewrapped);
        var after = store.ReadAll();
        Assert.Equal(before.Select(s => (s.StateName, s.GrainId, s.ETag)), after.Select(s => (s.StateName, s.GrainId, s.ETag)));
        Assert.All(after, s => Assert.Equal(newKey, EncryptingGrainStorageSerializer.ServiceKeyIdOf(s.Payload)));
        Assert.Equal(0, StateKeyRotation.Rewrap(store, keys));
        keys.Remove(oldKey);

        // The running silo keeps writing over the kept ETag, and meets the new key on reading.
        await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(3));
        await cluster.DisposeAsync();
        await using var restarted = await _redis.StartCluster();
        Assert.Equal(3, (await restarted.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
        Assert.Equal(2, (await restarted.Client.GetGrain<IServerStateGrain>("server-b").Load()).Generation);
    }

    [Fact]
    public async Task A_rewrap_never_overwrites_a_record_a_grain_changed_since_it_was_read()
    {
        await using var cluster = await _redis.StartCluster();
        var grain = cluster.Client.GetGrain<IServerStateGrain>("server-a");
        await grain.Save(StorageFiles.Sample(1));
        using var store = _redis.Store();
        var keys = ServiceKeyStore.Open(_redis.Encryption);
        keys.Rotate();

        // The grain writes between the rotation's read of the record and its re-wrap.
        var rewrapped = store.Rewrap(payload =>
        {
            Task.Run(() => grain.Save(StorageFiles.Sample(2))).GetAwaiter().GetResult();
            return EncryptedRecord.Rewrap(payload, keys);
        });

        Assert.Equal(0, rewrapped);
        await cluster.DisposeAsync();
        await using var restarted = await _redis.StartCluster();
        Assert.Equal(2, (await restarted.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
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

    public void Dispose() => _redis.Dispose();
}

using FleetSim.Storage.Encryption;
using Orleans.TestingHost;

namespace FleetSim.Storage.Tests;

/// <summary>
/// The cluster storage contract with state in Redis (started by tests/run, FLEETSIM_TEST_REDIS),
/// and what only Redis promises: keys filed by service, and a re-wrap that never overwrites a
/// record changed since it was read.
/// </summary>
public sealed class RedisClusterStorageTests : ClusterStorageContract
{
    private readonly RedisStorage _redis = new();

    protected override Task<InProcessTestCluster> StartCluster() => _redis.StartCluster();

    protected override IStateStore Store() => _redis.Store();

    // The hash field values only: key names hold grain ids, by design.
    protected override byte[] RawBytes() => _redis.RawValues();

    protected override string KeyFile => _redis.KeyFile;

    protected override StateEncryptionOptions Encryption => _redis.Encryption;

    [Fact]
    public async Task A_record_is_filed_under_its_service_grain_and_state()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));

        var (key, fields) = Assert.Single(_redis.Raw());
        Assert.Equal($"{_redis.ServiceId}/state/serverstate/server-a/state", key);
        Assert.Contains(fields, f => f.Name == "data");
    }

    [Fact]
    public async Task Another_service_on_the_same_Redis_is_no_reason_to_refuse_a_new_key_file()
    {
        await using (var cluster = await StartCluster())
            await cluster.Client.GetGrain<IServerStateGrain>("server-a").Save(StorageFiles.Sample(1));
        File.Delete(KeyFile);

        // Keys are prefixed by the ServiceId: a new service starts with a key of its own.
        var otherService = _redis.ServiceId + "-other";
        await using (var other = await _redis.StartCluster(otherService))
            Assert.Equal(0, (await other.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);

        Assert.True(File.Exists(KeyFile));
    }

    [Fact]
    public async Task A_rewrap_never_overwrites_a_record_a_grain_changed_since_it_was_read()
    {
        await using var cluster = await StartCluster();
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
        await using var restarted = await StartCluster();
        Assert.Equal(2, (await restarted.Client.GetGrain<IServerStateGrain>("server-a").Load()).Generation);
    }

    protected override void Dispose(bool disposing) => _redis.Dispose();
}

using System.Net;
using System.Net.Sockets;
using FleetSim.Storage.Encryption;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// `fleetsim keys rotate` on a Redis state store (the Redis tests/run starts): every record re-wrapped
/// under the new key in place, ETag kept; a Redis that does not answer changes nothing.
/// </summary>
public sealed class KeysCommandTests : IDisposable
{
    // A variable no machine sets, so that the test's key file is the only key.
    private const string UnsetVariable = "FLEETSIM_TEST_KEY_THAT_IS_NEVER_SET";

    private readonly string _folder = Directory.CreateTempSubdirectory("fleetsim-keys-").FullName;
    private readonly string _serviceId = "fleetsim-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(Redis);

    private static string Redis => Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")
        ?? throw new InvalidOperationException("FLEETSIM_TEST_REDIS is not set: run the suite with tests/run, which installs and starts Redis");

    private string KeyFile => Path.Combine(_folder, "service-keys.json");

    private string SiloJson(string stateStore) => TempFile("silo.json", $$"""
        { "Orleans": { "ServiceId": "{{_serviceId}}" }, "FleetSim": { "StateStore": "{{stateStore}}", "KeyFile": "{{KeyFile}}" } }
        """);

    [Fact]
    public async Task Rotate_rewraps_every_Redis_record_of_the_service_in_place_and_keeps_its_ETag()
    {
        var keys = ServiceKeyStore.Open(new StateEncryptionOptions { KeyFilePath = KeyFile, EnvironmentVariable = UnsetVariable });
        var serializer = new EncryptingGrainStorageSerializer(new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())), keys);
        var key = $"{_serviceId}/state/server/contoso/server";
        // As Orleans' Redis grain storage keeps a state: a hash of ETag and data.
        _redis.GetDatabase().HashSet(key, [new("etag", "etag-1"), new("data", serializer.Serialize("office-firewall-rule").ToArray())]);
        var oldKey = keys.CurrentKeyId;

        var run = await RunAsync("keys", "rotate", "--cluster", SiloJson("redis://" + Redis));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("1 stored records re-wrapped", run.Stdout, StringComparison.Ordinal);
        keys.Reload();
        Assert.NotEqual(oldKey, keys.CurrentKeyId);
        var stored = _redis.GetDatabase().HashGetAll(key).ToDictionary(f => (string)f.Name!, f => f.Value);
        Assert.Equal("etag-1", (string?)stored["etag"]);
        var data = (byte[])stored["data"]!;
        Assert.Equal(keys.CurrentKeyId, EncryptingGrainStorageSerializer.ServiceKeyIdOf(data));
        Assert.Equal("office-firewall-rule", serializer.Deserialize<string>(new BinaryData(data)));
    }

    [Fact]
    public async Task Rotate_against_a_Redis_that_does_not_answer_exits_3_and_changes_no_key()
    {
        ServiceKeyStore.Open(new StateEncryptionOptions { KeyFilePath = KeyFile, EnvironmentVariable = UnsetVariable });
        var before = File.ReadAllBytes(KeyFile);

        var run = await RunAsync("keys", "rotate", "--cluster", SiloJson($"redis://127.0.0.1:{UnusedPort()},connectTimeout=500"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("did not answer; nothing was changed", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(KeyFile));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var key in _redis.GetServers().SelectMany(s => s.Keys(pattern: $"{_serviceId}/*")))
            _redis.GetDatabase().KeyDelete(key);
        _redis.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

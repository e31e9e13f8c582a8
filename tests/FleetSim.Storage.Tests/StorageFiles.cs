using System.Text;
using FleetSim.Storage.Encryption;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace FleetSim.Storage.Tests;

/// <summary>A state file and key file of one test, in a folder of their own, and ways to open them.</summary>
public sealed class StorageFiles : IDisposable
{
    public const string ProviderName = "fleet";

    /// <summary>Known plaintexts: a firewall rule name and user names.</summary>
    public static readonly string[] Secrets = ["office-firewall-rule", "app_user", "fleet_admin"];

    // A variable no machine sets, so a FLEETSIM_SERVICE_KEY in the environment cannot change a test.
    public const string UnsetVariable = "FLEETSIM_TEST_KEY_THAT_IS_NEVER_SET";

    public StorageFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "fleetsim-tests", $"storage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "state.db");

    public string KeyFile => Path.Combine(Folder, "keys.json");

    public StateEncryptionOptions Encryption => new() { KeyFilePath = KeyFile, EnvironmentVariable = UnsetVariable };

    public static ServerState Sample(int generation) => new()
    {
        Administrator = "fleet_admin",
        FirewallRules = ["office-firewall-rule", "AllowAllWindowsAzureIps"],
        Users = ["app_user", "report_reader"],
        Generation = generation,
    };

    public static SystemTextJsonGrainStorageSerializer Json() => new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    /// <summary>A storage provider over the state file, encrypting with the keys given.</summary>
    public SqliteGrainStorage Storage(ServiceKeyStore keys) =>
        new(ProviderName, Database, new EncryptingGrainStorageSerializer(Json(), keys));

    public async Task<InProcessTestCluster> StartCluster()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddEncryptedSqliteGrainStorage(ProviderName,
            s => s.DatabasePath = Database,
            e => (e.KeyFilePath, e.EnvironmentVariable) = (KeyFile, UnsetVariable)));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Every byte SQLite keeps for the state file: the database, its WAL and shared memory.</summary>
    public byte[] RawBytes()
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }
        return all.ToArray();
    }

    public static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A silo still closing its file; the temp folder is cleaned by the OS.
        }
    }
}

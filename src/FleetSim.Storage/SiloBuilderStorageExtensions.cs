using FleetSim.Storage.Encryption;
using FleetSim.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using StackExchange.Redis;

namespace FleetSim.Storage;

/// <summary>Registering FleetSim's grain storage and state encryption on a silo.</summary>
public static class SiloBuilderStorageExtensions
{
    /// <summary>
    /// Adds a <see cref="SqliteGrainStorage"/> provider named <paramref name="name"/>. Its serializer is
    /// the options' one, else an <see cref="IGrainStorageSerializer"/> registered under the name, else the silo's default.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, Action<SqliteGrainStorageOptions>? configure = null)
    {
        silo.Services.AddOptions<SqliteGrainStorageOptions>(name).Configure(o => configure?.Invoke(o));
        silo.Services.ConfigureNamedOptionForLogging<SqliteGrainStorageOptions>(name);
        silo.Services.AddGrainStorage(name, (services, providerName) =>
        {
            var options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(providerName);
            var serializer = options.GrainStorageSerializer
                ?? services.GetKeyedService<IGrainStorageSerializer>(providerName)
                ?? services.GetRequiredService<IGrainStorageSerializer>();
            return new SqliteGrainStorage(providerName, options.DatabasePath, serializer);
        });
        return silo;
    }

    /// <summary>Adds a <see cref="SqliteGrainStorage"/> provider as the silo's default grain storage.</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder silo, Action<SqliteGrainStorageOptions>? configure = null) =>
        silo.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>
    /// Encrypts everything the provider named <paramref name="name"/> stores: registers, under that name,
    /// a <see cref="ServiceKeyStore"/> and an <see cref="EncryptingGrainStorageSerializer"/> over the silo's
    /// default serializer. Works for any provider that resolves its serializer by name.
    /// </summary>
    public static ISiloBuilder AddStateEncryption(this ISiloBuilder silo, string name, Action<StateEncryptionOptions>? configure = null)
    {
        silo.Services.AddOptions<StateEncryptionOptions>(name).Configure(o => configure?.Invoke(o));
        silo.Services.AddKeyedSingleton(name, (services, _) =>
            ServiceKeyStore.Open(services.GetRequiredService<IOptionsMonitor<StateEncryptionOptions>>().Get(name)));
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name, (services, _) =>
            new EncryptingGrainStorageSerializer(services.GetRequiredService<IGrainStorageSerializer>(), services.GetRequiredKeyedService<ServiceKeyStore>(name)));
        return silo;
    }

    /// <summary>
    /// FleetSim's embedded default: SQLite grain storage with every state encrypted. The key file is
    /// created on first start, but never when the state file already holds records: then a missing key
    /// file stops the silo from starting (<see cref="ServiceKeyUnavailableException"/>) instead of
    /// starting with a new key that cannot read anything.
    /// </summary>
    public static ISiloBuilder AddEncryptedSqliteGrainStorage(this ISiloBuilder silo, string name,
        Action<SqliteGrainStorageOptions>? storage = null, Action<StateEncryptionOptions>? encryption = null)
    {
        silo.AddSqliteGrainStorage(name, storage);
        silo.Services.AddOptions<StateEncryptionOptions>(name)
            .Configure<IOptionsMonitor<SqliteGrainStorageOptions>>((o, storageOptions) =>
            {
                encryption?.Invoke(o);
                if (SqliteStateStore.HoldsState(storageOptions.Get(name).DatabasePath))
                    o.CreateKeyFile = false;
            });
        return silo.AddStateEncryption(name);
    }

    /// <summary>
    /// Grain state in Redis, shared by the silos of a cluster on several machines: Orleans' Redis grain
    /// storage (keys prefixed by the ServiceId) with every state encrypted as in
    /// <see cref="AddEncryptedSqliteGrainStorage"/>. The key file is created on first start, but never
    /// while Redis holds states of this service: then a missing key file stops the silo from starting
    /// (<see cref="ServiceKeyUnavailableException"/>). Every silo must have the same service key.
    /// </summary>
    public static ISiloBuilder AddEncryptedRedisGrainStorage(this ISiloBuilder silo, string name,
        ConfigurationOptions redis, Action<StateEncryptionOptions>? encryption = null)
    {
        silo.AddRedisGrainStorage(name, (OptionsBuilder<RedisStorageOptions> options) => options.Configure<IServiceProvider>((o, services) =>
        {
            o.ConfigurationOptions = redis.Clone();
            // As the SQLite store deletes its row: a deprovisioned server leaves nothing behind.
            o.DeleteStateOnClear = true;
            // Named here rather than left to Orleans' fallback (the serializer registered under the
            // provider's name, else the silo's default), so that state can never go out unencrypted.
            o.GrainStorageSerializer = services.GetRequiredKeyedService<IGrainStorageSerializer>(name);
        }));
        silo.Services.AddOptions<StateEncryptionOptions>(name)
            .Configure<IOptions<ClusterOptions>>((o, cluster) =>
            {
                encryption?.Invoke(o);
                if (RedisStateStore.HoldsState(redis, cluster.Value.ServiceId))
                    o.CreateKeyFile = false;
            });
        return silo.AddStateEncryption(name);
    }
}

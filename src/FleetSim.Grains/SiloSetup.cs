using FleetSim.AuditStore;
using FleetSim.Contracts;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Audit;
using FleetSim.Storage;
using FleetSim.Storage.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace FleetSim.Grains;

/// <summary>The one place a silo is wired for FleetSim: the silo host, the embedded silo and the tests' clusters all come through here.</summary>
public static class SiloSetup
{
    /// <summary>
    /// Everything a silo needs to host FleetSim's grains, whatever its clustering: options bound
    /// from the <c>FleetSim</c> section of <paramref name="configuration"/> (see
    /// <see cref="FleetSimSiloOptions"/> for the defaults) and checked before the silo starts.
    /// </summary>
    public static ISiloBuilder AddFleetSim(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<FleetSimSiloOptions>()
            .Bind(configuration.GetSection(FleetSimSiloOptions.Section))
            .PostConfigure(SiloConfiguration.MakeAbsolute)
            .ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FleetSimSiloOptions>, FleetSimSiloOptionsValidation>());
        silo.Services.AddSingleton(services => services.GetRequiredService<IOptions<FleetSimSiloOptions>>().Value);

        silo.Services.AddSerializer(s => s.AddFleetSimSerialization());
        silo.Services.AddSingleton<DirectoryCache>();
        silo.Services.AddSingleton(typeof(Contracts.GrainReferences<>));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(FleetSimClock.Key, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.TryAddSingleton<IAuditStore>(services => AuditStores.Open(services.GetRequiredService<FleetSimSiloOptions>().AuditStore));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditStoreOnStart>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditFlushOnShutdown>();
        Gateways.DecisionRelay.AddTo(silo.Services);
        // Grain state goes through Orleans' own serializer, so the codecs above apply to it too
        // (the default, Newtonsoft.Json, cannot read FleetSim's policy records back).
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        return silo.AddStateStorage(SiloConfiguration.Bind(configuration));
    }

    // The storage provider is chosen while the silo is wired, from the same section the options
    // are bound from; a bad value elsewhere in it still stops the silo at start, by validation.
    private static ISiloBuilder AddStateStorage(this ISiloBuilder silo, FleetSimSiloOptions options)
    {
        if (options.KeepsStateInMemory)
            return silo.AddMemoryGrainStorage(FleetSimSiloOptions.StateStorage);
        if (RedisStateLocation.IsRedis(options.StateStore))
            return silo.AddEncryptedRedisGrainStorage(FleetSimSiloOptions.StateStorage, RedisStateLocation.Parse(options.StateStore), k => k.KeyFilePath = options.KeyFile);
        return silo.AddEncryptedSqliteGrainStorage(FleetSimSiloOptions.StateStorage, s => s.DatabasePath = options.StateStore, k => k.KeyFilePath = options.KeyFile);
    }
}

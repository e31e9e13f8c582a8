using FleetSim.AuditStore;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Grains.Audit;
using FleetSim.Storage;
using FleetSim.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Storage;

namespace FleetSim.Grains;

/// <summary>Where a silo keeps what FleetSim writes.</summary>
public sealed class FleetSimSiloOptions
{
    /// <summary>The grain storage provider FleetSim's grains persist their state with.</summary>
    public const string StateStorage = "fleet";

    /// <summary>Where the audit log, gateway connection log and alerts go: a SQLite file, or redis://host:port.</summary>
    public string AuditStore { get; set; } = Path.Combine(Path.GetTempPath(), "fleetsim", "audit.db");

    /// <summary>
    /// Where grain state (fleet directory, accounts) goes, encrypted at rest: a SQLite file, or
    /// redis://host:port[,StackExchange.Redis options] (keys prefixed by the ServiceId). Null keeps
    /// state in memory only, as an embedded simulation run needs nothing to survive it.
    /// </summary>
    public string? StateStore { get; set; }

    /// <summary>Whether clients hear "done" before or after their audit records are stored.</summary>
    public AuditDurability AuditDurability { get; set; } = AuditDurability.Batched;

    /// <summary>The service key file that wraps the state's data-encryption keys (FLEETSIM_SERVICE_KEY wins when set).</summary>
    public string KeyFilePath { get; set; } = Path.Combine("data", "service-keys.json");
}

public static class SiloSetup
{
    /// <summary>Everything a silo needs to host FleetSim's grains, whatever its clustering and storage.</summary>
    public static ISiloBuilder AddFleetSim(this ISiloBuilder silo, Action<FleetSimSiloOptions>? configure = null) =>
        silo.AddFleetSim(Configured(configure));

    /// <summary>The same, with options already read (e.g. by <see cref="SiloConfiguration.Options"/>).</summary>
    public static ISiloBuilder AddFleetSim(this ISiloBuilder silo, FleetSimSiloOptions options)
    {
        silo.Services.AddSerializer(s => s.AddFleetSimSerialization());
        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton<DirectoryCache>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(FleetSimClock.Key, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.TryAddSingleton<IAuditStore>(_ => AuditStores.Open(options.AuditStore));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditStoreOnStart>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditFlushOnShutdown>();
        // Grain state goes through Orleans' own serializer, so the codecs above apply to it too
        // (the default, Newtonsoft.Json, cannot read FleetSim's policy records back).
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        if (options.StateStore is { } stateStore && RedisStateLocation.IsRedis(stateStore))
            silo.AddEncryptedRedisGrainStorage(FleetSimSiloOptions.StateStorage, RedisStateLocation.Parse(stateStore), k => k.KeyFilePath = options.KeyFilePath);
        else if (options.StateStore is { } stateFile)
            silo.AddEncryptedSqliteGrainStorage(FleetSimSiloOptions.StateStorage, s => s.DatabasePath = stateFile, k => k.KeyFilePath = options.KeyFilePath);
        else
            silo.AddMemoryGrainStorage(FleetSimSiloOptions.StateStorage);
        return silo;
    }

    private static FleetSimSiloOptions Configured(Action<FleetSimSiloOptions>? configure)
    {
        var options = new FleetSimSiloOptions();
        configure?.Invoke(options);
        return options;
    }
}

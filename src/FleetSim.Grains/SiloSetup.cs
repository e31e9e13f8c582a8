using FleetSim.AuditStore;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;

namespace FleetSim.Grains;

/// <summary>Where a silo keeps what FleetSim writes.</summary>
public sealed class FleetSimSiloOptions
{
    /// <summary>The SQLite file of the audit log, gateway connection log and alerts.</summary>
    public string AuditStorePath { get; set; } = Path.Combine(Path.GetTempPath(), "fleetsim", "audit.db");
}

public static class SiloSetup
{
    /// <summary>Everything a silo needs to host FleetSim's grains, whatever its clustering and storage.</summary>
    public static ISiloBuilder AddFleetSim(this ISiloBuilder silo, Action<FleetSimSiloOptions>? configure = null)
    {
        var options = new FleetSimSiloOptions();
        configure?.Invoke(options);
        silo.Services.AddSerializer(s => s.AddFleetSimSerialization());
        silo.Services.AddSingleton<DirectoryCache>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IAuditStore>(_ => new SqliteAuditStore(options.AuditStorePath));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, AuditFlushOnShutdown>();
        return silo;
    }
}

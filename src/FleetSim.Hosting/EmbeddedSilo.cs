using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using FleetSim.Grains.Audit;
using FleetSim.Hosting.Processes;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace FleetSim.Hosting;

/// <summary>
/// A single silo inside the fleetsim process: the default when no cluster is named, so that a
/// simulation needs no external server. It listens on free loopback ports, so several fleetsim
/// processes can run side by side.
/// </summary>
public sealed class EmbeddedSilo : IFleetHost
{
    private readonly IHost _host;
    private readonly ScratchStore? _scratch;

    private EmbeddedSilo(IHost host, string auditStorePath, ScratchStore? scratch)
    {
        _host = host;
        _scratch = scratch;
        AuditStore = auditStorePath;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        DirectoryCache = host.Services.GetRequiredService<DirectoryCache>();
        Connector = new FleetConnector(Grains, DirectoryCache);
    }

    public IGrainFactory Grains { get; }

    /// <summary>The silo's copy of the fleet directory, shared with its gateways (wire listeners route direct endpoints by it).</summary>
    public DirectoryCache DirectoryCache { get; }

    public FleetConnector Connector { get; }

    /// <summary>The audit store the silo writes; scratch space (see <see cref="StartAsync"/>) is gone once the silo is disposed.</summary>
    public string? AuditStore { get; }

    /// <param name="auditStore">The audit store (a SQLite file, or redis://...); by default scratch space, deleted when the silo stops.</param>
    /// <param name="verbose">Log the silo's work to the console (standard output is otherwise left to the caller).</param>
    /// <param name="auditDurability">Whether clients hear back before or after their audit records are stored.</param>
    /// <param name="configure">Extra silo wiring, e.g. the benchmark's engine-floor grains.</param>
    /// <param name="cancellationToken">Stops a start that takes too long.</param>
    public static async Task<EmbeddedSilo> StartAsync(string? auditStore = null, bool verbose = false,
        AuditDurability auditDurability = AuditDurability.Batched, Action<ISiloBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var scratch = auditStore is null ? new ScratchStore() : null;
        var store = auditStore ?? scratch!.Path;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        if (verbose)
            builder.Logging.AddSimpleConsole().AddFilter("Orleans", LogLevel.Information);
        // The same wiring as a silo host's, given its settings in memory: nothing of the fleet's
        // state needs to outlive a simulation.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{FleetSimSiloOptions.Section}:AuditStore"] = store,
            [$"{FleetSimSiloOptions.Section}:StateStore"] = FleetSimSiloOptions.InMemory,
            [$"{FleetSimSiloOptions.Section}:AuditDurability"] = auditDurability.ToString(),
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: LoopbackPorts.Free(), gatewayPort: LoopbackPorts.Free());
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("fleetsim-embedded", "fleetsim"));
            // Provisioning a large fleet is one long call; the default 30 s would cut it short.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            silo.AddFleetSim(builder.Configuration);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            scratch?.Dispose();
            throw;
        }
        return new EmbeddedSilo(host, store, scratch);
    }

    /// <summary>
    /// Stops the silo gracefully: every grain deactivates, and with it every audit outbox and sink
    /// flushes, so the store holds everything when this returns. Safe to call twice.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
        _scratch?.Dispose();
    }

    private bool _stopped;
}

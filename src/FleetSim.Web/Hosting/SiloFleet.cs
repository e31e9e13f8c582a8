using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using FleetSim.Hosting;

namespace FleetSim.Web.Hosting;

/// <summary>A silo host's own fleet, as the page reaches it: the silo's grains, its copy of the directory and its audit store.</summary>
internal sealed class SiloFleet(IGrainFactory grains, DirectoryCache directoryCache, FleetSimSiloOptions options) : IFleetHost
{
    public IGrainFactory Grains => grains;

    public FleetConnector Connector { get; } = new(grains, directoryCache);

    public DirectoryCache DirectoryCache => directoryCache;

    public string? AuditStore => options.AuditStore;

    // The silo host owns the silo: nothing to stop here.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

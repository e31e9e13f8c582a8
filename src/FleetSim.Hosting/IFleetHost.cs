using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Hosting;

/// <summary>
/// Where the CLI's simulations run: an embedded silo in the process (the default), or a running
/// cluster reached through its gateways.
/// </summary>
public interface IFleetHost : IAsyncDisposable
{
    IGrainFactory Grains { get; }

    FleetConnector Connector { get; }

    /// <summary>This process's copy of the fleet directory (the connector's DNS; wire listeners' direct routing).</summary>
    DirectoryCache DirectoryCache { get; }

    /// <summary>The audit store's file when this process can read it; null when only the cluster knows.</summary>
    string? AuditStore { get; }

    /// <summary>The fleet directory: provisioning, the fleet document, audit flushes.</summary>
    IFleetDirectoryGrain Directory => Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);

    /// <summary>Validates and provisions a fleet; returns its directory version.</summary>
    Task<ProvisionResult> ProvisionAsync(FleetSpec fleet) => Directory.Provision(fleet);
}

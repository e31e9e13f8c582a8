using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Tests;

/// <summary>How every test cluster provisions a test's fleet.</summary>
public static class FleetProvisioning
{
    /// <summary>
    /// Provisions the fleet, as new unless told otherwise (the previous test's servers are removed
    /// first, so that a test's server is created, not changed); returns a client connector that sees
    /// it and the directory version to pin connections to.
    /// </summary>
    public static async Task<(FleetConnector Connector, long Version)> Provision(IGrainFactory grains, FleetSpec fleet, bool asNew)
    {
        var directory = grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        if (asNew)
            Assert.True((await directory.Provision(fleet with { Servers = [] })).Succeeded);
        var result = await directory.Provision(fleet);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return (new FleetConnector(grains, new DirectoryCache(grains)), result.Version);
    }
}

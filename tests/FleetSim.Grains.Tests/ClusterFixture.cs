using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace FleetSim.Grains.Tests;

/// <summary>A two-silo in-process cluster shared by the grain tests, which run one after another.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    private long _version;

    /// <summary>Both silos write to this one SQLite file, as silos of one machine do.</summary>
    public string AuditStore { get; } = Path.Combine(Path.GetTempPath(), "fleetsim-tests", $"audit-{Guid.NewGuid():N}.db");

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(AuditStore)));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Provisions a fleet as new (the previous test's servers are removed first, so that a test's
    /// server is created, not changed) and returns a client connector that sees it.
    /// </summary>
    public async Task<FleetConnector> Provision(FleetSpec fleet, bool asNew = true)
    {
        (var connector, _version) = await FleetProvisioning.Provision(Grains, fleet, asNew);
        return connector;
    }

    public Task<ConnectResult> Connect(FleetConnector connector, ConnectRequest request, string? pinnedGateway = null) =>
        connector.Connect(request, pinnedGateway, _version);
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

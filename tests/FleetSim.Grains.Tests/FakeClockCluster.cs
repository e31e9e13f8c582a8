using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace FleetSim.Grains.Tests;

/// <summary>
/// A one-silo cluster whose FleetSim clock is a FakeTimeProvider, for FleetSim's own time rules
/// (rule change delay, key revocation, backups): a test moves the clock instead of waiting, while
/// Orleans keeps its own timers on the real clock. Its state
/// and audit store live in a folder of its own, so that a second cluster started on the same
/// folder and clock finds what the first one persisted, as after a silo loss.
/// </summary>
public sealed class FakeClockCluster : IAsyncDisposable
{
    private long _version;

    private FakeClockCluster(InProcessTestCluster cluster, FakeTimeProvider clock, string folder) =>
        (Cluster, Clock, Folder) = (cluster, clock, folder);

    public InProcessTestCluster Cluster { get; }

    public FakeTimeProvider Clock { get; }

    public string Folder { get; }

    public string AuditStore => Path.Combine(Folder, "audit.db");

    public IGrainFactory Grains => Cluster.Client;

    public static DateTimeOffset Start { get; } = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    public static async Task<FakeClockCluster> Deploy(FakeTimeProvider? clock = null, string? folder = null)
    {
        clock ??= new FakeTimeProvider(Start);
        folder ??= Directory.CreateTempSubdirectory("fleetsim-clock-").FullName;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(FleetSimClock.Key, clock);
            silo.AddFleetSim(TestSilos.Settings(Path.Combine(folder, "audit.db"), Path.Combine(folder, "state.db"),
                Path.Combine(folder, "service-keys.json")));
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new FakeClockCluster(cluster, clock, folder);
    }

    /// <summary>Provisions a fleet (as new unless told otherwise) and returns a client connector that sees it.</summary>
    public async Task<FleetConnector> Provision(FleetSpec fleet, bool asNew = true)
    {
        (var connector, _version) = await FleetProvisioning.Provision(Grains, fleet, asNew);
        return connector;
    }

    public Task<ConnectResult> Connect(FleetConnector connector, ConnectRequest request) =>
        connector.Connect(request, null, _version);

    /// <summary>Stops the silo as a lost one would be replaced: what it persisted stays in the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

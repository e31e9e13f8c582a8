using FleetSim.Contracts;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests.Modelling;

/// <summary>
/// The grains keep the model's queues in simulated time: a gateway address's queue has one owner
/// whatever the number of silos, so the same seed gives the same figures on one silo and on two,
/// and they are the figures `check`'s own calculator gives for the same arrivals.
/// </summary>
public sealed class ModelledClusterTests
{
    private const string Office = "203.0.113.7";
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    // Tight enough to queue: two gateway workers, a server worker per vCore, clients that give up after 400 ms.
    private static readonly ModelSpec Model = new()
    {
        Seed = 11,
        Gateway = new GatewayModelSpec { Workers = 2, Connect = new ServiceTimeSpec { Distribution = "exponential", MeanMs = 20 } },
        Server = new ServerModelSpec { WorkersPerVCore = 1, Login = new ServiceTimeSpec { Distribution = "lognormal", MeanMs = 30, P99Ms = 120 } },
        TimeoutMs = 400,
    };

    private static readonly FleetSpec Fleet = With(
        Contoso(Rule("office", Office)) with { Sku = "GP_Gen5_2" },
        Contoso(Rule("office", Office)) with { Name = "fabrikam", Sku = "GP_Gen5_2" }) with { Model = Model };

    // Arrivals every 8 ms on average, alternating servers: enough to queue at both gateway and servers.
    private static readonly IReadOnlyList<(string Key, string Server, DateTimeOffset At, TlsVersion Tls)> Attempts =
    [
        .. Enumerable.Range(0, 120).Select(i => ($"a{i}", i % 3 == 0 ? "fabrikam" : Server, Start.AddMilliseconds(8 * i + (i * 7 % 5)), i % 4 == 0 ? TlsVersion.Tls1_3 : TlsVersion.Tls1_2)),
    ];

    [Fact]
    public async Task The_same_seed_gives_the_same_figures_on_one_silo_and_on_two_and_they_are_check_s_figures()
    {
        var oneSilo = await RunOn(silos: 1);
        var twoSilos = await RunOn(silos: 2);
        Assert.Equal(oneSilo.Select(r => r.Modelled!.TotalMs), twoSilos.Select(r => r.Modelled!.TotalMs));
        Assert.Equal(oneSilo.Select(r => r.Reason), twoSilos.Select(r => r.Reason));

        var calculator = new ModelledFleet(ServiceModel.Compile(Model));
        var expected = Attempts.Select(a => calculator.Connect(new ModelledConnection(
            a.Key, (a.At - DateTimeOffset.UnixEpoch).TotalMilliseconds, SourceKind.Internet, a.Tls, Gateway, a.Server, 2, ModelReach.Server))).ToList();
        Assert.Equal(expected.Select(l => l.TotalMs), oneSilo.Select(r => r.Modelled!.TotalMs));
        Assert.Contains(oneSilo, r => r.Modelled!.Stages.Any(s => s.Stage == ModelStage.GatewayQueue && s.Ms > 0));
        Assert.Contains(oneSilo, r => r.Modelled!.Stages.Any(s => s.Stage == ModelStage.ServerQueue && s.Ms > 0));
        Assert.All(oneSilo.Zip(expected), p => Assert.Equal(p.Second.TimedOut, p.First.Reason == ConnectionReason.ClientTimeout));
    }

    [Fact]
    public async Task A_fleet_without_a_model_gets_no_modelled_latency()
    {
        await using var cluster = await StartCluster(1);
        var (connector, version) = await FleetProvisioning.Provision(cluster.Client, Fleet with { Model = null }, asNew: true);
        var result = await connector.Connect(Login(Office), null, version);
        Assert.True(result.Allowed);
        Assert.Null(result.Modelled);
    }

    private static async Task<List<ConnectResult>> RunOn(int silos)
    {
        await using var cluster = await StartCluster(silos);
        var (connector, version) = await FleetProvisioning.Provision(cluster.Client, Fleet, asNew: true);
        var results = new List<ConnectResult>();
        // One after another: a queue serves in the order it receives, and here that order is the file's.
        foreach (var (key, server, at, tls) in Attempts)
            results.Add(await connector.Connect(Login(Office, user: $"{Admin}@{server}", host: null, tls: tls) with { At = at, ModelKey = key }, Gateway, version));
        var load = await cluster.Client.GetGrain<IGatewayQueueGrain>(Gateway).Load();
        Assert.Equal(Attempts.Count, load.Served + load.Abandoned);
        return results;
    }

    private static async Task<InProcessTestCluster> StartCluster(int silos)
    {
        var store = Path.Combine(Path.GetTempPath(), "fleetsim-tests", $"audit-{Guid.NewGuid():N}.db");
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(store)));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

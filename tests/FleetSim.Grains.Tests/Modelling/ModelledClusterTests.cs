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
    public async Task A_proxied_session_s_statements_pass_the_gateway_and_a_redirected_one_s_go_straight_to_the_server_on_one_silo_and_on_two()
    {
        // fabrikam has the redirect policy: after the login its sessions skip the gateway.
        var fleet = Fleet with
        {
            Servers = [Fleet.Servers[0], Fleet.Servers[1] with { Configurations = new() { ["redirect_enabled"] = "ON" } }],
            Model = Model with { Gateway = Model.Gateway with { Statement = new ServiceTimeSpec { Distribution = "exponential", MeanMs = 5 } } },
        };
        var oneSilo = await StatementsOn(fleet, silos: 1);
        var twoSilos = await StatementsOn(fleet, silos: 2);
        Assert.Equal(oneSilo.Select(s => s.Latency.TotalMs), twoSilos.Select(s => s.Latency.TotalMs));

        // The calculator `check` uses, fed the same requests in the same order, gives the same figures.
        var calculator = new ModelledFleet(ServiceModel.Compile(fleet.Model!), statementsAhead: true);
        foreach (var (key, server, at, tls) in Attempts.Take(40))
        {
            var login = calculator.Connect(new ModelledConnection(key, Ms(at), SourceKind.Internet, tls, Gateway, server, 2, ModelReach.Server));
            var answered = Ms(at) + login.TotalMs;
            foreach (var index in new[] { 0, 1 })
            {
                if (login.TimedOut)
                    continue;
                var statement = oneSilo.Single(s => s.Key == key && s.Index == index);
                var expected = calculator.Statement(key, index, answered, SourceKind.Internet, Gateway, server, 2, redirect: server == "fabrikam");
                Assert.Equal(expected.TotalMs, statement.Latency.TotalMs);
                answered += expected.TotalMs;
            }
        }
        Assert.All(oneSilo.Where(s => s.Redirected), s => Assert.DoesNotContain(s.Latency.Stages, t => t.Stage is ModelStage.GatewayQueue or ModelStage.Relay or ModelStage.Hop));
        Assert.All(oneSilo.Where(s => !s.Redirected), s => Assert.Contains(s.Latency.Stages, t => t.Stage == ModelStage.Relay));
        Assert.Contains(oneSilo, s => s.Redirected);
        Assert.Contains(oneSilo, s => !s.Redirected);
    }

    private static async Task<List<(string Key, int Index, bool Redirected, ModelledLatency Latency)>> StatementsOn(FleetSpec fleet, int silos)
    {
        await using var cluster = await StartCluster(silos);
        var (connector, version) = await FleetProvisioning.Provision(cluster.Client, fleet, asNew: true);
        var statements = new List<(string, int, bool, ModelledLatency)>();
        foreach (var (key, server, at, tls) in Attempts.Take(40))
        {
            var session = await connector.Connect(Login(Office, user: $"{Admin}@{server}", host: null, tls: tls, hold: true) with { At = at, ModelKey = key }, Gateway, version);
            if (!session.Allowed)
                continue;
            // As a run's session does: each statement leaves when the one before it was answered in the model.
            var answered = Ms(at) + session.Modelled!.TotalMs;
            foreach (var index in new[] { 0, 1 })
            {
                var result = await connector.Execute(session, "SELECT 1", modelled: new StatementArrival(key, index, answered, SourceKind.Internet, session.Redirect, version));
                Assert.Equal(0, result.Code);
                statements.Add((key, index, session.Redirect, result.Modelled!));
                answered += result.Modelled!.TotalMs;
            }
            await connector.Disconnect(session);
        }
        return statements;
    }

    private static double Ms(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalMilliseconds;

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

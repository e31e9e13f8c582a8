using CsCheck;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Model;

public sealed class ModelledFleetTests
{
    private static ServiceTimeSpec Constant(double ms) => new() { Distribution = "constant", MeanMs = ms };

    // Every cost constant, so that each stage's figure can be written down.
    private static readonly ModelSpec Plain = new()
    {
        Network = new NetworkModelSpec { RttMs = new() { ["internet"] = 20 }, ConnectRoundTrips = 3, GatewayToServerMs = 0.5 },
        Tls = new TlsModelSpec { HandshakeCpu = Constant(2) },
        Gateway = new GatewayModelSpec { Workers = 1, Connect = Constant(1), Statement = Constant(0.5) },
        Server = new ServerModelSpec { WorkersPerVCore = 1, Login = Constant(4), Statement = Constant(1) },
        TimeoutMs = 1_000,
    };

    private static ModelledConnection Connection(string id, double at, ModelReach reach = ModelReach.Server, TlsVersion tls = TlsVersion.Tls1_2) =>
        new(id, at, SourceKind.Internet, tls, "40.71.8.203", "contoso", 2, reach);

    [Fact]
    public void A_connection_pays_network_tls_gateway_hop_and_login_in_that_order()
    {
        var latency = new ModelledFleet(ServiceModel.Compile(Plain)).Connect(Connection("a", 0));
        Assert.Equal(
            [(ModelStage.Network, 60), (ModelStage.Tls, 40), (ModelStage.GatewayQueue, 0), (ModelStage.Gateway, 3),
             (ModelStage.Hop, 1), (ModelStage.ServerQueue, 0), (ModelStage.Server, 4)],
            latency.Stages.Select(s => (s.Stage, s.Ms)));
        Assert.Equal(108, latency.TotalMs);
    }

    [Fact]
    public void TLS_1_3_saves_a_round_trip_and_a_plain_text_client_pays_no_handshake()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain));
        Assert.Equal(88, fleet.Connect(Connection("a", 0, tls: TlsVersion.Tls1_3)).TotalMs);
        Assert.Equal(66, fleet.Connect(Connection("b", 1_000, tls: TlsVersion.None)).TotalMs);
    }

    [Fact]
    public void A_connection_refused_at_the_gateway_never_reaches_the_server()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain));
        var latency = fleet.Connect(Connection("a", 0, ModelReach.Gateway));
        Assert.Equal(103, latency.TotalMs);
        Assert.Empty(fleet.Servers);
    }

    [Fact]
    public void An_unreachable_gateway_costs_the_client_its_timeout_and_a_failed_DNS_lookup_nothing()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain));
        Assert.Equal(1_000, fleet.Connect(Connection("a", 0, ModelReach.Unreachable)).TotalMs);
        Assert.Equal(0, fleet.Connect(Connection("b", 0, ModelReach.Nowhere)).TotalMs);
    }

    [Fact]
    public void Connections_arriving_together_queue_for_the_one_gateway_worker()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain));
        var first = fleet.Connect(Connection("a", 0));
        var second = fleet.Connect(Connection("b", 0));
        Assert.Equal(3, second.Stages.Single(s => s.Stage == ModelStage.GatewayQueue).Ms);
        Assert.Equal(first.TotalMs + 3, second.TotalMs);
    }

    [Fact]
    public void A_client_that_waits_past_the_timeout_gives_up_and_is_counted()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain with { Gateway = new GatewayModelSpec { Workers = 1, Connect = Constant(600) } }));
        Assert.False(fleet.Connect(Connection("a", 0)).TimedOut);
        var late = fleet.Connect(Connection("b", 0));
        Assert.True(late.TimedOut);
        Assert.Equal(1_000, late.TotalMs);
        Assert.Equal(1, fleet.Timeouts);
    }

    [Fact]
    public void A_redirected_session_sends_its_statements_straight_to_the_server()
    {
        var fleet = new ModelledFleet(ServiceModel.Compile(Plain));
        var proxied = fleet.Statement("s", 0, 0, SourceKind.Internet, "40.71.8.203", "contoso", 2, redirect: false);
        Assert.Equal(
            [(ModelStage.Network, 20), (ModelStage.GatewayQueue, 0), (ModelStage.Relay, 0.5), (ModelStage.Hop, 1), (ModelStage.ServerQueue, 0), (ModelStage.Statement, 1)],
            proxied.Stages.Select(s => (s.Stage, s.Ms)));
        Assert.Equal(22.5, proxied.TotalMs);
        var redirected = fleet.Statement("t", 0, 100, SourceKind.Internet, "40.71.8.203", "contoso", 2, redirect: true);
        Assert.Equal([(ModelStage.Network, 20), (ModelStage.ServerQueue, 0), (ModelStage.Statement, 1)], redirected.Stages.Select(s => (s.Stage, s.Ms)));
        Assert.Equal(21, redirected.TotalMs);
    }

    [Fact]
    public void A_proxied_statement_waits_behind_logins_at_the_gateway_and_a_redirected_one_does_not()
    {
        var busyGateway = Plain with { Gateway = Plain.Gateway with { Connect = Constant(50) } };
        var fleet = new ModelledFleet(ServiceModel.Compile(busyGateway));
        // The login holds the one gateway worker from 100 ms (network and TLS) to 152 ms (TLS work and reading it).
        fleet.Connect(Connection("login", 0));
        // In order of arrival at the server: the redirected statement at 110 ms, the proxied one after the gateway.
        var redirected = fleet.Statement("t", 0, 90, SourceKind.Internet, "40.71.8.203", "contoso", 2, redirect: true);
        Assert.DoesNotContain(redirected.Stages, s => s.Stage is ModelStage.GatewayQueue or ModelStage.Relay);
        Assert.Equal(21, redirected.TotalMs);
        var proxied = fleet.Statement("s", 0, 90, SourceKind.Internet, "40.71.8.203", "contoso", 2, redirect: false);
        Assert.Equal(42, proxied.Stages.Single(s => s.Stage == ModelStage.GatewayQueue).Ms);
    }

    [Fact]
    public void Without_timeouts_a_redirected_statement_is_never_slower_than_the_same_statement_proxied() =>
        Gen.Select(Gen.Double[0, 3].Array[1, 80], Gen.Int[1, 3], Gen.Int[1, 3]).Sample((gaps, gatewayWorkers, perVCore) =>
        {
            // The same arrivals and service times under each policy; logins keep the gateway busy between them.
            var model = new ModelSpec
            {
                Seed = 9,
                Gateway = new GatewayModelSpec { Workers = gatewayWorkers, Statement = Constant(0.5) },
                Server = new ServerModelSpec { WorkersPerVCore = perVCore, Statement = new ServiceTimeSpec { Distribution = "exponential", MeanMs = 2 } },
                TimeoutMs = double.MaxValue,
            };
            var at = 0.0;
            var arrivals = gaps.Select(gap => at += gap).ToArray();
            List<ModelledLatency> Under(bool redirect)
            {
                var fleet = new ModelledFleet(ServiceModel.Compile(model));
                var latencies = new List<ModelledLatency>();
                for (var i = 0; i < arrivals.Length; i++)
                {
                    fleet.Connect(Connection($"c{i}", arrivals[i]));
                    latencies.Add(fleet.Statement($"s{i}", i % 3, arrivals[i], SourceKind.Internet, "40.71.8.203", "contoso", 1, redirect));
                }
                return latencies;
            }
            var proxied = Under(redirect: false);
            var redirected = Under(redirect: true);
            // Proxied, every request reaches each queue no earlier and in the same order, so it starts
            // no earlier; and the answer crosses the hop back besides.
            for (var i = 0; i < arrivals.Length; i++)
                Assert.True(redirected[i].TotalMs + 0.5 <= proxied[i].TotalMs + 1e-9, $"statement {i}: redirected {redirected[i].TotalMs}, proxied {proxied[i].TotalMs}");
        }, iter: 1_000);

    [Fact]
    public void A_statement_s_figures_are_keyed_by_its_session_and_index_so_the_same_seed_gives_them_twice()
    {
        var model = new ModelSpec { Seed = 42 };
        IEnumerable<ModelledLatency> Run(ModelSpec spec)
        {
            var fleet = new ModelledFleet(ServiceModel.Compile(spec));
            return Enumerable.Range(0, 300).Select(i => fleet.Statement($"session{i / 3}", i % 3, i * 0.2, SourceKind.Azure, "40.71.8.203", "contoso", 2, redirect: i % 2 == 0)).ToList();
        }
        var once = Run(model).ToList();
        Assert.Equal(once.Select(l => l.TotalMs), Run(model).Select(l => l.TotalMs));
        Assert.NotEqual(once.Select(l => l.TotalMs), Run(model with { Seed = 43 }).Select(l => l.TotalMs));

        // Alone, the third statement of session 40 does the same work as among the others.
        var alone = new ModelledFleet(ServiceModel.Compile(model)).Statement("session40", 2, 122 * 0.2, SourceKind.Azure, "40.71.8.203", "contoso", 2, redirect: true);
        Assert.Equal(StatementWork(once[122]), StatementWork(alone));
        Assert.NotEqual(StatementWork(once[121]), StatementWork(once[122]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures_and_a_connection_s_samples_do_not_depend_on_the_others()
    {
        var model = new ModelSpec { Seed = 42 };
        var connections = Enumerable.Range(0, 200).Select(i => Connection($"c{i}", i * 0.5)).ToList();
        var once = connections.Select(new ModelledFleet(ServiceModel.Compile(model)).Connect).ToList();
        var twice = connections.Select(new ModelledFleet(ServiceModel.Compile(model)).Connect).ToList();
        Assert.Equal(once.Select(l => l.TotalMs), twice.Select(l => l.TotalMs));

        // Alone, connection c150 is served with the same sampled work as among the others.
        var alone = new ModelledFleet(ServiceModel.Compile(model)).Connect(connections[150]);
        Assert.Equal(Work(once[150]), Work(alone));
        Assert.NotEqual(once.Select(l => l.TotalMs), connections.Select(new ModelledFleet(ServiceModel.Compile(model with { Seed = 43 })).Connect).Select(l => l.TotalMs));
    }

    // The whole path need not get faster with a gateway worker, in the service as in the model: a
    // login that gets through the gateway sooner can take a busy server's last free worker ahead of
    // one that the slower gateway let through first.
    [Fact]
    public void Without_timeouts_one_more_worker_at_the_gateway_never_slows_any_gateway_leg_nor_one_more_at_the_server_any_connection() =>
        Gen.Select(Gen.Double[0, 20].Array[1, 80], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Bool.Array[80]).Sample((gaps, gatewayWorkers, perVCore, tls13) =>
        {
            var model = new ModelSpec
            {
                Seed = 5,
                Gateway = new GatewayModelSpec { Workers = gatewayWorkers },
                Server = new ServerModelSpec { WorkersPerVCore = perVCore, Login = new ServiceTimeSpec { Distribution = "lognormal", MeanMs = 8 } },
                TimeoutMs = double.MaxValue,
            };
            var at = 0.0;
            // Two TLS versions: logins reach the gateway's queue in another order than they left their clients.
            var connections = gaps.Select((gap, i) => Connection($"c{i}", at += gap, tls: tls13[i] ? TlsVersion.Tls1_3 : TlsVersion.Tls1_2)).ToList();
            var before = new ModelledFleet(ServiceModel.Compile(model)).ConnectAll(connections);
            var moreGateway = new ModelledFleet(ServiceModel.Compile(model with { Gateway = model.Gateway with { Workers = gatewayWorkers + 1 } })).ConnectAll(connections);
            var moreServer = new ModelledFleet(ServiceModel.Compile(model with { Server = model.Server with { WorkersPerVCore = perVCore + 1 } })).ConnectAll(connections);
            for (var i = 0; i < connections.Count; i++)
            {
                Assert.True(GatewayLeg(moreGateway[i]) <= GatewayLeg(before[i]) + 1e-9);
                Assert.True(moreServer[i].TotalMs <= before[i].TotalMs + 1e-9);
            }
        }, iter: 1_000);

    private static double GatewayLeg(ModelledLatency latency) =>
        latency.Stages.Where(s => s.Stage is ModelStage.Network or ModelStage.Tls or ModelStage.GatewayQueue or ModelStage.Gateway).Sum(s => s.Ms);

    private static double StatementWork(ModelledLatency latency) =>
        latency.Stages.Where(s => s.Stage is ModelStage.Relay or ModelStage.Statement).Sum(s => s.Ms);

    private static double Work(ModelledLatency latency) =>
        latency.Stages.Where(s => s.Stage is ModelStage.Gateway or ModelStage.Server).Sum(s => s.Ms);
}

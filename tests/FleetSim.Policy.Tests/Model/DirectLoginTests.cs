using CsCheck;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Model;

/// <summary>A redirected session's reconnect: the client's round trips and TLS straight to its server, then the server's queue and login.</summary>
public sealed class DirectLoginTests
{
    private static ServiceTimeSpec Constant(double ms) => new() { Distribution = "constant", MeanMs = ms };

    private static readonly ModelSpec Plain = new()
    {
        Network = new NetworkModelSpec { RttMs = new() { ["internet"] = 20 }, ConnectRoundTrips = 3, GatewayToServerMs = 0.5 },
        Tls = new TlsModelSpec { HandshakeCpu = Constant(2) },
        Gateway = new GatewayModelSpec { Workers = 1, Connect = Constant(1) },
        Server = new ServerModelSpec { WorkersPerVCore = 1, Login = Constant(4) },
        TimeoutMs = 1_000,
    };

    private static ModelledLatency Direct(ServiceModel model, WorkerQueue server, ulong key, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        var leg = ModelledPath.ToServerDirect(model, arrivalMs, source, tls);
        var login = ModelledPath.AtServer(model, server, key, arrivalMs + leg.TotalMs, arrivalMs + model.TimeoutMs, proxied: false);
        return ModelledPath.Join(model, leg, login, proxied: false);
    }

    private static ModelledLatency Proxied(ServiceModel model, WorkerQueue gateway, WorkerQueue server, ulong key, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        var leg = ModelledPath.ToGateway(model, gateway, key, arrivalMs, source, tls);
        var login = ModelledPath.AtServer(model, server, key, arrivalMs + leg.TotalMs + model.GatewayToServerMs, arrivalMs + model.TimeoutMs);
        return ModelledPath.Join(model, leg, login);
    }

    [Fact]
    public void A_reconnect_pays_the_round_trips_tls_and_the_server_s_queue_and_login_but_no_gateway_or_hop()
    {
        var latency = Direct(ServiceModel.Compile(Plain), new WorkerQueue(1), key: 7, arrivalMs: 0, SourceKind.Internet, TlsVersion.Tls1_2);

        Assert.Equal([(ModelStage.Network, 60), (ModelStage.Tls, 40), (ModelStage.ServerQueue, 0), (ModelStage.Server, 4)], latency.Stages.Select(s => (s.Stage, s.Ms)));
        Assert.Equal(104, latency.TotalMs);
        Assert.False(latency.TimedOut);
    }

    [Fact]
    public void A_reconnect_whose_login_ends_just_before_the_timeout_is_answered_since_no_hop_carries_the_answer_back()
    {
        // 100 ms to the server, 899.8 ms of login: the server answers at 999.8 ms, which a hop back would have made too late.
        var model = ServiceModel.Compile(Plain with { Server = new ServerModelSpec { WorkersPerVCore = 1, Login = Constant(899.8) } });

        var latency = Direct(model, new WorkerQueue(1), key: 7, arrivalMs: 0, SourceKind.Internet, TlsVersion.Tls1_2);

        Assert.False(latency.TimedOut);
        Assert.Equal(999.8, latency.TotalMs, precision: 9);
    }

    [Fact]
    public void A_direct_login_is_never_slower_than_the_proxied_login_with_the_same_key_and_empty_queues() =>
        Gen.Select(Gen.ULong, Gen.Long, Gen.Enum<SourceKind>(), Gen.Enum<TlsVersion>(), Gen.Double[0.1, 20], Gen.Double[0, 5], Gen.Double[0.1, 10])
            .Sample((key, seed, source, tls, rtt, hop, meanMs) =>
            {
                var exponential = new ServiceTimeSpec { Distribution = "exponential", MeanMs = meanMs };
                var model = ServiceModel.Compile(new ModelSpec
                {
                    Seed = seed,
                    Network = new NetworkModelSpec { RttMs = new() { [source switch { SourceKind.Azure => "azure", SourceKind.Subnet => "subnet", SourceKind.PrivateEndpoint => "privateEndpoint", _ => "internet" }] = rtt }, GatewayToServerMs = hop },
                    Tls = new TlsModelSpec { HandshakeCpu = exponential },
                    Gateway = new GatewayModelSpec { Connect = exponential },
                    Server = new ServerModelSpec { Login = exponential },
                });

                var direct = Direct(model, new WorkerQueue(2), key, 1_000, source, tls);
                var proxied = Proxied(model, new WorkerQueue(8), new WorkerQueue(2), key, 1_000, source, tls);

                Assert.True(direct.TotalMs <= proxied.TotalMs + 1e-9, $"direct {direct.TotalMs}, proxied {proxied.TotalMs}");
                Assert.DoesNotContain(direct.Stages, s => s.Stage is ModelStage.GatewayQueue or ModelStage.Gateway or ModelStage.Hop or ModelStage.Relay);
            }, iter: 2_000);
}

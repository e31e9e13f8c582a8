using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Model;

/// <summary>
/// The two legs of a connection's path, each computed where its queue lives: up to and through
/// the gateway (by the gateway address's queue owner), and the server's queue and login (by the
/// server). <see cref="ModelledFleet"/> runs both in one process for `check`; the grains run each
/// leg in its owner. A leg's TotalMs is its own duration; TimedOut means the client gave up in it.
/// </summary>
public static class ModelledPath
{
    /// <summary>Network round trips, TLS, then the gateway's queue and its work (TLS and reading the login).</summary>
    public static ModelledLatency ToGateway(ServiceModel model, WorkerQueue gateway, ulong key, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gateway);
        var rtt = model.RttMs(source);
        var stages = new List<StageTime>(4);
        var t = Add(stages, ModelStage.Network, rtt * model.ConnectRoundTrips, arrivalMs);
        t = Add(stages, ModelStage.Tls, rtt * model.HandshakeRoundTrips(tls), t);
        var tlsWork = tls == TlsVersion.None ? 0 : model.Sampler.Sample(model.HandshakeCpu, key, ModelStage.Gateway, slot: 0);
        var work = tlsWork + model.Sampler.Sample(model.GatewayConnect, key, ModelStage.Gateway, slot: 1);
        var giveUpAt = arrivalMs + model.TimeoutMs;
        if (!Wait(gateway, stages, ModelStage.GatewayQueue, work, giveUpAt, ref t))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Gateway, work, t);
        return new ModelledLatency(t - arrivalMs, t - arrivalMs > model.TimeoutMs, stages);
    }

    /// <summary>
    /// The server's queue and the login, for a connection that reaches the server at
    /// <paramref name="arrivalMs"/> and whose client gives up at <paramref name="giveUpAtMs"/>;
    /// the client hears back a hop later, so a login that ends later than that is too late.
    /// </summary>
    public static ModelledLatency AtServer(ServiceModel model, WorkerQueue server, ulong key, double arrivalMs, double giveUpAtMs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var stages = new List<StageTime>(2);
        var t = arrivalMs;
        var login = model.Sampler.Sample(model.Login, key, ModelStage.Server);
        if (!Wait(server, stages, ModelStage.ServerQueue, login, giveUpAtMs, ref t))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Server, login, t);
        return new ModelledLatency(t - arrivalMs, t + model.GatewayToServerMs > giveUpAtMs, stages);
    }

    /// <summary>
    /// The whole connection from its legs: the gateway leg, the hop there and back, the server leg.
    /// Null server leg: the gateway decided. A client that gave up anywhere costs it the timeout.
    /// </summary>
    public static ModelledLatency Join(ServiceModel model, ModelledLatency gateway, ModelledLatency? server)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gateway);
        var stages = gateway.Stages.ToList();
        var total = gateway.TotalMs;
        var timedOut = gateway.TimedOut;
        if (server is not null && !gateway.TimedOut)
        {
            stages.Add(new StageTime(ModelStage.Hop, 2 * model.GatewayToServerMs));
            stages.AddRange(server.Stages);
            total += 2 * model.GatewayToServerMs + server.TotalMs;
            timedOut = server.TimedOut;
        }
        timedOut |= total > model.TimeoutMs;
        return timedOut ? new ModelledLatency(model.TimeoutMs, true, stages) : new ModelledLatency(total, false, stages);
    }

    /// <summary>
    /// A statement of an open session, keyed by the session and the statement's index: a round
    /// trip from the client, the hop there and back for a proxied session (a redirected one goes to
    /// the server directly), the server's queue and the statement's work.
    /// </summary>
    public static ModelledLatency Statement(ServiceModel model, WorkerQueue server, ulong key, int index, double arrivalMs, SourceKind source, bool redirect)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var stages = new List<StageTime>(4);
        var t = Add(stages, ModelStage.Network, model.RttMs(source), arrivalMs);
        if (!redirect)
            t = Add(stages, ModelStage.Hop, 2 * model.GatewayToServerMs, t);
        var work = model.Sampler.Sample(model.Statement, key, ModelStage.Statement, index);
        var giveUpAt = arrivalMs + model.TimeoutMs;
        if (!Wait(server, stages, ModelStage.ServerQueue, work, giveUpAt, ref t))
            return new ModelledLatency(model.TimeoutMs, true, stages);
        t = Add(stages, ModelStage.Statement, work, t);
        var total = t - arrivalMs;
        return total > model.TimeoutMs ? new ModelledLatency(model.TimeoutMs, true, stages) : new ModelledLatency(total, false, stages);
    }

    private static double Add(List<StageTime> stages, ModelStage stage, double ms, double t)
    {
        stages.Add(new StageTime(stage, ms));
        return t + ms;
    }

    // A client that gives up while queued takes no worker; its stage shows how long it waited.
    private static bool Wait(WorkerQueue queue, List<StageTime> stages, ModelStage stage, double work, double giveUpAt, ref double t)
    {
        var served = queue.TryServe(t, work, giveUpAt, out var wait);
        var waited = served ? wait : Math.Max(0, giveUpAt - t);
        stages.Add(new StageTime(stage, waited));
        t += waited;
        return served;
    }
}

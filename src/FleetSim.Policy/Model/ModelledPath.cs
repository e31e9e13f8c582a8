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
    /// <summary>When a login that left its client at <paramref name="arrivalMs"/> reaches the gateway's queue: after its network round trips and TLS.</summary>
    public static double ReachesGateway(ServiceModel model, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Approach(model, arrivalMs, source, tls);
    }

    /// <summary>Network round trips, TLS, then the gateway's queue and its work (TLS and reading the login).</summary>
    public static ModelledLatency ToGateway(ServiceModel model, WorkerQueue gateway, ulong key, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gateway);
        var stages = new List<StageTime>(4);
        var t = Approach(model, arrivalMs, source, tls, stages);
        var tlsWork = tls == TlsVersion.None ? 0 : model.Sampler.Sample(model.HandshakeCpu, key, ModelStage.Gateway, slot: 0);
        var work = tlsWork + model.Sampler.Sample(model.GatewayConnect, key, ModelStage.Gateway, slot: 1);
        var giveUpAt = arrivalMs + model.TimeoutMs;
        if (!Wait(gateway, stages, ModelStage.GatewayQueue, work, giveUpAt, ref t))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Gateway, work, t);
        return new ModelledLatency(t - arrivalMs, t - arrivalMs > model.TimeoutMs, stages);
    }

    /// <summary>
    /// A redirected session's reconnect, up to its server: the network round trips and TLS with the
    /// server itself. No gateway queue, no gateway work and no hop; the server's TLS work is taken
    /// to be part of its login.
    /// </summary>
    public static ModelledLatency ToServerDirect(ServiceModel model, double arrivalMs, SourceKind source, TlsVersion tls)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stages = new List<StageTime>(2);
        var t = Approach(model, arrivalMs, source, tls, stages);
        return new ModelledLatency(t - arrivalMs, t - arrivalMs > model.TimeoutMs, stages);
    }

    /// <summary>
    /// The server's queue and the login, for a connection that reaches the server at
    /// <paramref name="arrivalMs"/> and whose client gives up at <paramref name="giveUpAtMs"/>;
    /// a proxied client hears back a hop later, so a login that ends later than that is too late
    /// (a redirected one, <paramref name="proxied"/> false, hears it from the server itself).
    /// </summary>
    public static ModelledLatency AtServer(ServiceModel model, WorkerQueue server, ulong key, double arrivalMs, double giveUpAtMs, bool proxied = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var stages = new List<StageTime>(2);
        var t = arrivalMs;
        var login = model.Sampler.Sample(model.Login, key, ModelStage.Server);
        if (!Wait(server, stages, ModelStage.ServerQueue, login, giveUpAtMs, ref t))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Server, login, t);
        return new ModelledLatency(t - arrivalMs, t + (proxied ? model.GatewayToServerMs : 0) > giveUpAtMs, stages);
    }

    /// <summary>
    /// The whole connection from its legs: the gateway leg, the hop there and back, the server leg;
    /// a redirected session's reconnect (<paramref name="proxied"/> false, its first leg
    /// <see cref="ToServerDirect"/>) crosses no hop. Null server leg: decided before the server.
    /// A client that gave up anywhere costs it the timeout.
    /// </summary>
    public static ModelledLatency Join(ServiceModel model, ModelledLatency gateway, ModelledLatency? server, bool proxied = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gateway);
        var stages = gateway.Stages.ToList();
        var total = gateway.TotalMs;
        var timedOut = gateway.TimedOut;
        if (server is not null && !gateway.TimedOut)
        {
            var hop = proxied ? 2 * model.GatewayToServerMs : 0;
            if (proxied)
                stages.Add(new StageTime(ModelStage.Hop, hop));
            stages.AddRange(server.Stages);
            total += hop + server.TotalMs;
            timedOut = server.TimedOut;
        }
        timedOut |= total > model.TimeoutMs;
        return timedOut ? new ModelledLatency(model.TimeoutMs, true, stages) : new ModelledLatency(total, false, stages);
    }

    /// <summary>
    /// A statement of an open session, keyed by the session and the statement's index, computed in
    /// one process: its legs in turn. <paramref name="gateway"/> is the gateway address's queue for
    /// a proxied session, null for a redirected one, which skips the gateway after its login.
    /// <paramref name="ahead"/>: statements reach the queues ahead of the requests modelled around
    /// them, as when an engine sends them (see <see cref="WorkerQueue.TryServeAhead"/>); without,
    /// requests are given in order of arrival.
    /// </summary>
    public static ModelledLatency Statement(ServiceModel model, WorkerQueue? gateway, WorkerQueue server, ulong key, int index, double arrivalMs, SourceKind source, bool ahead = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var leg = gateway is null ? Direct(model, arrivalMs, source) : Relay(model, gateway, key, index, arrivalMs, source, ahead);
        var atServer = leg.TimedOut ? null
            : StatementAtServer(model, server, key, index, ServerArrivalMs(model, leg, arrivalMs, proxied: gateway is not null), arrivalMs + model.TimeoutMs, ahead);
        return JoinStatement(model, leg, atServer, proxied: gateway is not null);
    }

    /// <summary>A redirected session's statement on its way: the client's round trip, straight to the server.</summary>
    public static ModelledLatency Direct(ServiceModel model, double arrivalMs, SourceKind source)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stages = new List<StageTime>(1);
        var t = Add(stages, ModelStage.Network, model.RttMs(source), arrivalMs);
        return new ModelledLatency(t - arrivalMs, false, stages);
    }

    /// <summary>A proxied session's statement up to and through the gateway: the client's round trip, the gateway's queue, its relay work.</summary>
    public static ModelledLatency Relay(ServiceModel model, WorkerQueue gateway, ulong key, int index, double arrivalMs, SourceKind source, bool ahead)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gateway);
        var stages = new List<StageTime>(3);
        var t = Add(stages, ModelStage.Network, model.RttMs(source), arrivalMs);
        var work = model.Sampler.Sample(model.GatewayStatement, key, ModelStage.Relay, index);
        if (!Wait(gateway, stages, ModelStage.GatewayQueue, work, arrivalMs + model.TimeoutMs, ref t, ahead))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Relay, work, t);
        return new ModelledLatency(t - arrivalMs, t - arrivalMs > model.TimeoutMs, stages);
    }

    /// <summary>When a statement whose first leg is <paramref name="leg"/> reaches its server: a proxied one crosses the hop.</summary>
    public static double ServerArrivalMs(ServiceModel model, ModelledLatency leg, double arrivalMs, bool proxied)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leg);
        return arrivalMs + leg.TotalMs + (proxied ? model.GatewayToServerMs : 0);
    }

    /// <summary>The server's queue and the statement's work, for a statement reaching the server at <paramref name="arrivalMs"/>.</summary>
    public static ModelledLatency StatementAtServer(ServiceModel model, WorkerQueue server, ulong key, int index, double arrivalMs, double giveUpAtMs, bool ahead)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(server);
        var stages = new List<StageTime>(2);
        var t = arrivalMs;
        var work = model.Sampler.Sample(model.Statement, key, ModelStage.Statement, index);
        if (!Wait(server, stages, ModelStage.ServerQueue, work, giveUpAtMs, ref t, ahead))
            return new ModelledLatency(t - arrivalMs, true, stages);
        t = Add(stages, ModelStage.Statement, work, t);
        return new ModelledLatency(t - arrivalMs, t > giveUpAtMs, stages);
    }

    /// <summary>
    /// The whole statement from its legs: the first leg, the hop there and back for a proxied
    /// session, the server's leg (null: the client gave up before the server). A client that gave
    /// up anywhere costs it the timeout.
    /// </summary>
    public static ModelledLatency JoinStatement(ServiceModel model, ModelledLatency leg, ModelledLatency? server, bool proxied)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leg);
        var stages = leg.Stages.ToList();
        var total = leg.TotalMs;
        var timedOut = leg.TimedOut || server is null;
        if (server is not null && !leg.TimedOut)
        {
            if (proxied)
                stages.Add(new StageTime(ModelStage.Hop, 2 * model.GatewayToServerMs));
            stages.AddRange(server.Stages);
            total += (proxied ? 2 * model.GatewayToServerMs : 0) + server.TotalMs;
            timedOut = server.TimedOut;
        }
        timedOut |= total > model.TimeoutMs;
        return timedOut ? new ModelledLatency(model.TimeoutMs, true, stages) : new ModelledLatency(total, false, stages);
    }

    // A login's round trips and TLS handshake with whoever takes it (the gateway, or after a redirect
    // the server): when it gets there. One sum for the path and for the order queues take logins in.
    private static double Approach(ServiceModel model, double arrivalMs, SourceKind source, TlsVersion tls, List<StageTime>? stages = null)
    {
        var rtt = model.RttMs(source);
        var (network, handshake) = (rtt * model.ConnectRoundTrips, rtt * model.HandshakeRoundTrips(tls));
        stages?.Add(new StageTime(ModelStage.Network, network));
        stages?.Add(new StageTime(ModelStage.Tls, handshake));
        return arrivalMs + network + handshake;
    }

    private static double Add(List<StageTime> stages, ModelStage stage, double ms, double t)
    {
        stages.Add(new StageTime(stage, ms));
        return t + ms;
    }

    // A client that gives up while queued takes no worker; its stage shows how long it waited.
    // A statement comes ahead of the logins modelled around it (see WorkerQueue.TryServeAhead).
    private static bool Wait(WorkerQueue queue, List<StageTime> stages, ModelStage stage, double work, double giveUpAt, ref double t, bool ahead = false)
    {
        double wait;
        var served = ahead ? queue.TryServeAhead(t, work, giveUpAt, out wait) : queue.TryServe(t, work, giveUpAt, out wait);
        var waited = served ? wait : Math.Max(0, giveUpAt - t);
        stages.Add(new StageTime(stage, waited));
        t += waited;
        return served;
    }
}

namespace FleetSim.Policy.Model;

/// <summary>
/// The path calculator: each gateway address and each server keeps its <see cref="WorkerQueue"/>,
/// and a connection's modelled latency is the sum along its path: network round trips, TLS,
/// gateway queue and service (TLS work and reading the login), the hop to the server, the server's
/// queue and login, and the hop back. Requests are taken in the order given; one owner per fleet.
/// </summary>
public sealed class ModelledFleet(ServiceModel model)
{
    private readonly Dictionary<string, WorkerQueue> _gateways = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkerQueue> _servers = new(ResourceNames.Comparer);

    public ServiceModel Model { get; } = model;

    /// <summary>Connections the model said their clients abandoned.</summary>
    public long Timeouts { get; private set; }

    public IReadOnlyDictionary<string, WorkerQueue> Gateways => _gateways;
    public IReadOnlyDictionary<string, WorkerQueue> Servers => _servers;

    public ModelledLatency Connect(ModelledConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        switch (connection.Reach)
        {
            case ModelReach.Nowhere:
                return ModelledLatency.None;
            case ModelReach.Unreachable:
                return new ModelledLatency(Model.TimeoutMs, false, []);
        }

        var key = ModelSampler.KeyOf(connection.Id);
        var rtt = Model.RttMs(connection.Source);
        var stages = new List<StageTime>(7);
        var giveUpAt = connection.ArrivalMs + Model.TimeoutMs;
        var t = connection.ArrivalMs;
        t = Add(stages, ModelStage.Network, rtt * Model.ConnectRoundTrips, t);
        t = Add(stages, ModelStage.Tls, rtt * Model.HandshakeRoundTrips(connection.Tls), t);

        var tlsWork = connection.Tls == Spec.TlsVersion.None ? 0 : Model.Sampler.Sample(Model.HandshakeCpu, key, ModelStage.Gateway, slot: 0);
        var gatewayWork = tlsWork + Model.Sampler.Sample(Model.GatewayConnect, key, ModelStage.Gateway, slot: 1);
        var gateway = Queue(_gateways, connection.Gateway ?? "", Model.GatewayWorkers);
        if (!Wait(gateway, stages, ModelStage.GatewayQueue, gatewayWork, giveUpAt, ref t))
            return TimedOut(stages);
        t = Add(stages, ModelStage.Gateway, gatewayWork, t);

        if (connection.Reach == ModelReach.Server)
        {
            // The hop is paid there and back; the stage shows both, the way back is added after the login.
            var hop = Model.GatewayToServerMs;
            stages.Add(new StageTime(ModelStage.Hop, 2 * hop));
            t += hop;
            var login = Model.Sampler.Sample(Model.Login, key, ModelStage.Server);
            var server = Queue(_servers, connection.Server ?? "", Model.ServerWorkers(connection.ServerVCores));
            if (!Wait(server, stages, ModelStage.ServerQueue, login, giveUpAt, ref t))
                return TimedOut(stages);
            t = Add(stages, ModelStage.Server, login, t);
            t += hop;
        }

        var total = t - connection.ArrivalMs;
        return total > Model.TimeoutMs ? TimedOut(stages) : new ModelledLatency(total, false, stages);
    }

    /// <summary>
    /// A statement of an open session, keyed by the session's id and the statement's index. A
    /// proxied session crosses the gateway and the hop; a redirected one goes to the server directly.
    /// </summary>
    public ModelledLatency Statement(string sessionId, int index, double arrivalMs, SourceKind source, string server, int serverVCores, bool redirect)
    {
        var stages = new List<StageTime>(4);
        var t = Add(stages, ModelStage.Network, Model.RttMs(source), arrivalMs);
        if (!redirect)
            t = Add(stages, ModelStage.Hop, 2 * Model.GatewayToServerMs, t);
        var work = Model.Sampler.Sample(Model.Statement, ModelSampler.KeyOf(sessionId), ModelStage.Statement, index);
        var queue = Queue(_servers, server, Model.ServerWorkers(serverVCores));
        if (!Wait(queue, stages, ModelStage.ServerQueue, work, arrivalMs + Model.TimeoutMs, ref t))
            return TimedOut(stages);
        t = Add(stages, ModelStage.Statement, work, t);
        var total = t - arrivalMs;
        return total > Model.TimeoutMs ? TimedOut(stages) : new ModelledLatency(total, false, stages);
    }

    private static double Add(List<StageTime> stages, ModelStage stage, double ms, double t)
    {
        stages.Add(new StageTime(stage, ms));
        return t + ms;
    }

    private static bool Wait(WorkerQueue queue, List<StageTime> stages, ModelStage stage, double work, double giveUpAt, ref double t)
    {
        var served = queue.TryServe(t, work, giveUpAt, out var wait);
        stages.Add(new StageTime(stage, served ? wait : giveUpAt - t));
        t += wait;
        return served;
    }

    private ModelledLatency TimedOut(List<StageTime> stages)
    {
        Timeouts++;
        return new ModelledLatency(Model.TimeoutMs, true, stages);
    }

    private static WorkerQueue Queue(Dictionary<string, WorkerQueue> queues, string name, int workers)
    {
        if (!queues.TryGetValue(name, out var queue))
            queues[name] = queue = new WorkerQueue(workers);
        return queue;
    }
}

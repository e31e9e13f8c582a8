namespace FleetSim.Policy.Model;

/// <summary>
/// The path calculator: each gateway address and each server keeps its <see cref="WorkerQueue"/>,
/// and a connection's modelled latency is the sum along its path: network round trips, TLS,
/// gateway queue and service (TLS work and reading the login), the hop to the server, the server's
/// queue and login, and the hop back. Requests are taken in the order given; one owner per fleet.
/// <paramref name="statementsAhead"/>: statements are given as an engine sends them, ahead of the
/// logins modelled around them, as the grains receive them in `run` (see <see cref="WorkerQueue.TryServeAhead"/>).
/// </summary>
public sealed class ModelledFleet(ServiceModel model, bool statementsAhead = false)
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
        var gateway = ModelledPath.ToGateway(Model, Queue(_gateways, connection.Gateway ?? "", Model.GatewayWorkers),
            key, connection.ArrivalMs, connection.Source, connection.Tls);
        ModelledLatency? server = null;
        if (connection.Reach == ModelReach.Server && !gateway.TimedOut)
        {
            server = ModelledPath.AtServer(Model, Queue(_servers, connection.Server ?? "", Model.ServerWorkers(connection.ServerVCores)),
                key, connection.ArrivalMs + gateway.TotalMs + Model.GatewayToServerMs, connection.ArrivalMs + Model.TimeoutMs);
        }
        var latency = ModelledPath.Join(Model, gateway, server);
        if (latency.TimedOut)
            Timeouts++;
        return latency;
    }

    /// <summary>
    /// A statement of an open session, keyed by the session's id and the statement's index. A
    /// proxied session's statement passes its gateway address's queue and the hop; a redirected
    /// one goes to the server directly.
    /// </summary>
    public ModelledLatency Statement(string sessionId, int index, double arrivalMs, SourceKind source, string gateway, string server, int serverVCores, bool redirect)
    {
        var latency = ModelledPath.Statement(Model, redirect ? null : Queue(_gateways, gateway, Model.GatewayWorkers),
            Queue(_servers, server, Model.ServerWorkers(serverVCores)), ModelSampler.KeyOf(sessionId), index, arrivalMs, source, statementsAhead);
        if (latency.TimedOut)
            Timeouts++;
        return latency;
    }

    private static WorkerQueue Queue(Dictionary<string, WorkerQueue> queues, string name, int workers)
    {
        if (!queues.TryGetValue(name, out var queue))
            queues[name] = queue = new WorkerQueue(workers);
        return queue;
    }
}

namespace FleetSim.Policy.Model;

/// <summary>
/// The path calculator: each gateway address and each server keeps its <see cref="WorkerQueue"/>,
/// and a connection's modelled latency is the sum along its path: network round trips, TLS,
/// gateway queue and service (TLS work and reading the login), the hop to the server, the server's
/// queue and login, and the hop back. Connections given together (<see cref="ConnectAll"/>) reach
/// each queue in the order of their arrival there; one owner per fleet.
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

    /// <summary>One connection, through queues that hold what earlier calls booked.</summary>
    public ModelledLatency Connect(ModelledConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ConnectAll([connection])[0];
    }

    /// <summary>
    /// Connections known together, as `check` has them: each queue takes its requests in the order
    /// they reach it, a gateway's when the login arrives after its round trips and TLS, a server's
    /// when the hop delivers it, ties in the order given. Every queue is then first come, first
    /// served, whatever the clients' round trips. Latencies come back in the order given.
    /// </summary>
    public IReadOnlyList<ModelledLatency> ConnectAll(IReadOnlyList<ModelledConnection> connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var keys = connections.Select(c => ModelSampler.KeyOf(c.Id)).ToArray();
        var gateways = new ModelledLatency?[connections.Count];
        foreach (var i in InOrderOf(connections, c => c.Reach is ModelReach.Gateway or ModelReach.Server,
            c => ModelledPath.ReachesGateway(Model, c.ArrivalMs, c.Source, c.Tls)))
        {
            var c = connections[i];
            gateways[i] = ModelledPath.ToGateway(Model, Queue(_gateways, c.Gateway ?? "", Model.GatewayWorkers), keys[i], c.ArrivalMs, c.Source, c.Tls);
        }

        var servers = new ModelledLatency?[connections.Count];
        var reachesServer = connections.Select((c, i) => gateways[i] is { TimedOut: false } gateway ? c.ArrivalMs + gateway.TotalMs + Model.GatewayToServerMs : double.NaN).ToArray();
        foreach (var i in InOrderOf(connections, (c, i) => c.Reach == ModelReach.Server && !double.IsNaN(reachesServer[i]), (_, i) => reachesServer[i]))
        {
            var c = connections[i];
            servers[i] = ModelledPath.AtServer(Model, Queue(_servers, c.Server ?? "", Model.ServerWorkers(c.ServerVCores)),
                keys[i], reachesServer[i], c.ArrivalMs + Model.TimeoutMs);
        }

        var latencies = new ModelledLatency[connections.Count];
        for (var i = 0; i < connections.Count; i++)
        {
            latencies[i] = connections[i].Reach switch
            {
                ModelReach.Nowhere => ModelledLatency.None,
                ModelReach.Unreachable => new ModelledLatency(Model.TimeoutMs, false, []),
                _ => ModelledPath.Join(Model, gateways[i]!, servers[i]),
            };
            if (latencies[i].TimedOut)
                Timeouts++;
        }
        return latencies;
    }

    private static IEnumerable<int> InOrderOf(IReadOnlyList<ModelledConnection> connections, Func<ModelledConnection, bool> takes, Func<ModelledConnection, double> reaches) =>
        InOrderOf(connections, (c, _) => takes(c), (c, _) => reaches(c));

    private static IEnumerable<int> InOrderOf(IReadOnlyList<ModelledConnection> connections, Func<ModelledConnection, int, bool> takes, Func<ModelledConnection, int, double> reaches) =>
        Enumerable.Range(0, connections.Count).Where(i => takes(connections[i], i)).OrderBy(i => reaches(connections[i], i)).ThenBy(i => i);

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

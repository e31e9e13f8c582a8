using FleetSim.Policy.Model;

namespace FleetSim.Runs.Modelling;

/// <summary>
/// The modelled latencies a run's connections and statements came back with, by step and
/// population (statements also by policy: proxied through the gateway or redirected straight to
/// the server), the offered load they met (arrivals per second of simulated time) and the worker
/// time they held at their gateway and server. Thread-safe: every copy records here; figures are
/// worked out when asked.
/// </summary>
public sealed class ModelledRun
{
    /// <summary>The series of statements by policy, beside "connect" and each population.</summary>
    public const string Statements = "statements", Proxied = "statements: proxy", Redirected = "statements: redirect";

    private readonly Lock _gate = new();
    private readonly List<Request> _connections = [];
    private readonly List<Request> _statements = [];

    /// <summary>A request that held workers: GatewayMs at its gateway (a login's TLS and reading, a statement's relay), ServerMs at its server.</summary>
    private sealed record Request(string Population, DateTimeOffset Arrival, ModelledLatency Latency, string? Gateway, double GatewayMs, string? Server, double ServerMs, bool Redirected = false);

    public long Timeouts
    {
        get
        {
            lock (_gate)
                return _connections.Count(c => c.Latency.TimedOut);
        }
    }

    public long StatementTimeouts
    {
        get
        {
            lock (_gate)
                return _statements.Count(c => c.Latency.TimedOut);
        }
    }

    /// <summary>A statement of a held session, leaving its client at <paramref name="arrival"/>; a redirected session's skips the gateway.</summary>
    public void RecordStatement(string population, string? gateway, string? server, bool redirected, DateTimeOffset arrival, ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var relayMs = latency.Stages.Where(s => s.Stage == ModelStage.Relay).Sum(s => s.Ms);
        var workMs = latency.Stages.Where(s => s.Stage == ModelStage.Statement).Sum(s => s.Ms);
        lock (_gate)
            _statements.Add(new Request(population, arrival, latency, redirected ? null : gateway, relayMs, server, workMs, redirected));
    }

    /// <param name="gateway">The gateway address it went through, whose workers its gateway stage held.</param>
    /// <param name="server">The server, whose workers its login held.</param>
    public void Record(string population, string? gateway, string? server, DateTimeOffset arrival, ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var gatewayMs = latency.Stages.Where(s => s.Stage == ModelStage.Gateway).Sum(s => s.Ms);
        var serverMs = latency.Stages.Where(s => s.Stage == ModelStage.Server).Sum(s => s.Ms);
        lock (_gate)
            _connections.Add(new Request(population, arrival, latency, gateway, gatewayMs, server, serverMs));
    }

    /// <summary>
    /// The step "connect" and each population, then (when sessions ran statements) the step
    /// "statements", by policy and by population: count and percentiles of the modelled latency.
    /// </summary>
    public IReadOnlyList<ModelledPercentiles> Percentiles()
    {
        lock (_gate)
        {
            List<ModelledPercentiles> series =
            [
                ModelledPercentiles.Of("connect", _connections.Select(c => c.Latency.TotalMs)),
                .. ByPopulation("connect", _connections),
            ];
            if (_statements.Count == 0)
                return series;
            series.Add(ModelledPercentiles.Of(Statements, _statements.Select(c => c.Latency.TotalMs)));
            foreach (var (name, redirected) in new[] { (Proxied, false), (Redirected, true) })
            {
                if (_statements.Any(c => c.Redirected == redirected))
                    series.Add(ModelledPercentiles.Of(name, _statements.Where(c => c.Redirected == redirected).Select(c => c.Latency.TotalMs)));
            }
            series.AddRange(ByPopulation(Statements, _statements));
            return series;
        }
    }

    /// <summary>Worker time held at each gateway address and server, and the span of arrivals, for utilisation: busy / (span x workers).</summary>
    public (IReadOnlyDictionary<string, double> Gateways, IReadOnlyDictionary<string, double> Servers, TimeSpan Span) BusyMs()
    {
        lock (_gate)
        {
            var all = _connections.Concat(_statements).ToList();
            var span = all.Count == 0 ? TimeSpan.Zero : all.Max(c => c.Arrival) - all.Min(c => c.Arrival);
            return (Busy(all, c => c.Gateway, c => c.GatewayMs), Busy(all, c => c.Server, c => c.ServerMs), span);
        }
    }

    /// <summary>
    /// Each second of simulated time from the earliest arrival: the offered load (arrivals), the
    /// modelled latency they met, and the worker time they held at each gateway and server (counted
    /// in the second they arrived).
    /// </summary>
    public IReadOnlyList<ModelledSecond> BySecond()
    {
        lock (_gate)
        {
            if (_connections.Count == 0)
                return [];
            // Connections finish out of order: seconds count from the earliest arrival, once all are in.
            var start = _connections.Min(c => c.Arrival);
            long SecondOf(Request c) => (long)Math.Floor((c.Arrival - start).TotalSeconds);
            var statements = _statements.ToLookup(SecondOf);
            return
            [
                .. _connections.GroupBy(SecondOf)
                    .OrderBy(g => g.Key)
                    .Select(g =>
                    {
                        var held = g.Concat(statements[g.Key]).ToList();
                        return new ModelledSecond(g.Key, g.Count(), ModelledPercentiles.Of("connect", g.Select(c => c.Latency.TotalMs)),
                            Busy(held, c => c.Gateway, c => c.GatewayMs), Busy(held, c => c.Server, c => c.ServerMs))
                        {
                            Proxied = ModelledPercentiles.Of(Proxied, statements[g.Key].Where(c => !c.Redirected).Select(c => c.Latency.TotalMs)),
                            Redirected = ModelledPercentiles.Of(Redirected, statements[g.Key].Where(c => c.Redirected).Select(c => c.Latency.TotalMs)),
                        };
                    }),
            ];
        }
    }

    private static IEnumerable<ModelledPercentiles> ByPopulation(string step, List<Request> requests) =>
        requests.GroupBy(c => c.Population, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ModelledPercentiles.Of($"{step} ({g.Key})", g.Select(c => c.Latency.TotalMs)));

    private static Dictionary<string, double> Busy(IEnumerable<Request> connections, Func<Request, string?> name, Func<Request, double> ms) =>
        connections.Where(c => name(c) is not null).GroupBy(c => name(c)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(ms), StringComparer.Ordinal);
}

/// <summary>
/// One second of a run's simulated time: connections arriving, their modelled latency, worker
/// milliseconds held at each gateway and server (by those connections and the statements sent in
/// that second), and the latency of those statements by policy (count 0 when there were none).
/// </summary>
public sealed record ModelledSecond(long Second, int Arrivals, ModelledPercentiles Latency,
    IReadOnlyDictionary<string, double> GatewayBusyMs, IReadOnlyDictionary<string, double> ServerBusyMs)
{
    public ModelledPercentiles Proxied { get; init; } = ModelledPercentiles.Of(ModelledRun.Proxied, []);
    public ModelledPercentiles Redirected { get; init; } = ModelledPercentiles.Of(ModelledRun.Redirected, []);
}

/// <summary>Modelled latency percentiles of one series, in milliseconds (nearest rank).</summary>
public sealed record ModelledPercentiles(string Name, int Count, double P50, double P90, double P99, double P999, double Max)
{
    public static ModelledPercentiles Of(string name, IEnumerable<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(name, sorted.Length, At(0.5), At(0.9), At(0.99), At(0.999), sorted.Length == 0 ? 0 : sorted[^1]);
    }
}

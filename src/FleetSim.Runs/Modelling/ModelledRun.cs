using FleetSim.Policy.Model;

namespace FleetSim.Runs.Modelling;

/// <summary>
/// The modelled latencies a run's connections came back with, by step and population, the offered
/// load they met (arrivals per second of simulated time) and the worker time they held at their
/// gateway and server. Thread-safe: every copy records here; figures are worked out when asked.
/// </summary>
public sealed class ModelledRun
{
    private readonly Lock _gate = new();
    private readonly List<Connection> _connections = [];

    private sealed record Connection(string Population, DateTimeOffset Arrival, ModelledLatency Latency, string? Gateway, double GatewayMs, string? Server, double ServerMs);

    public long Timeouts
    {
        get
        {
            lock (_gate)
                return _connections.Count(c => c.Latency.TimedOut);
        }
    }

    /// <param name="gateway">The gateway address it went through, whose workers its gateway stage held.</param>
    /// <param name="server">The server, whose workers its login held.</param>
    public void Record(string population, string? gateway, string? server, DateTimeOffset arrival, ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var gatewayMs = latency.Stages.Where(s => s.Stage == ModelStage.Gateway).Sum(s => s.Ms);
        var serverMs = latency.Stages.Where(s => s.Stage == ModelStage.Server).Sum(s => s.Ms);
        lock (_gate)
            _connections.Add(new Connection(population, arrival, latency, gateway, gatewayMs, server, serverMs));
    }

    /// <summary>The step "connect" and each population: count and percentiles of the modelled latency.</summary>
    public IReadOnlyList<ModelledPercentiles> Percentiles()
    {
        lock (_gate)
        {
            return
            [
                ModelledPercentiles.Of("connect", _connections.Select(c => c.Latency.TotalMs)),
                .. _connections.GroupBy(c => c.Population, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => ModelledPercentiles.Of($"connect ({g.Key})", g.Select(c => c.Latency.TotalMs))),
            ];
        }
    }

    /// <summary>Worker time held at each gateway address and server, and the span of arrivals, for utilisation: busy / (span x workers).</summary>
    public (IReadOnlyDictionary<string, double> Gateways, IReadOnlyDictionary<string, double> Servers, TimeSpan Span) BusyMs()
    {
        lock (_gate)
        {
            var span = _connections.Count == 0 ? TimeSpan.Zero : _connections.Max(c => c.Arrival) - _connections.Min(c => c.Arrival);
            return (Busy(_connections, c => c.Gateway, c => c.GatewayMs), Busy(_connections, c => c.Server, c => c.ServerMs), span);
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
            return
            [
                .. _connections.GroupBy(c => (long)Math.Floor((c.Arrival - start).TotalSeconds))
                    .OrderBy(g => g.Key)
                    .Select(g => new ModelledSecond(g.Key, g.Count(), ModelledPercentiles.Of("connect", g.Select(c => c.Latency.TotalMs)),
                        Busy(g, c => c.Gateway, c => c.GatewayMs), Busy(g, c => c.Server, c => c.ServerMs))),
            ];
        }
    }

    private static Dictionary<string, double> Busy(IEnumerable<Connection> connections, Func<Connection, string?> name, Func<Connection, double> ms) =>
        connections.Where(c => name(c) is not null).GroupBy(c => name(c)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(ms), StringComparer.Ordinal);
}

/// <summary>One second of a run's simulated time: arrivals, their modelled latency, worker milliseconds held at each gateway and server.</summary>
public sealed record ModelledSecond(long Second, int Arrivals, ModelledPercentiles Latency,
    IReadOnlyDictionary<string, double> GatewayBusyMs, IReadOnlyDictionary<string, double> ServerBusyMs);

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

using FleetSim.Policy.Model;

namespace FleetSim.Runs.Modelling;

/// <summary>
/// The modelled latencies a run's connections came back with, by step and population, and the
/// offered load they met: arrivals per second of simulated time. Thread-safe: every copy records here.
/// </summary>
public sealed class ModelledRun
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _byPopulation = new(StringComparer.Ordinal);
    private readonly List<double> _connect = [];
    private readonly List<(DateTimeOffset Arrival, double Ms)> _arrivals = [];
    private readonly Dictionary<string, double> _gatewayBusyMs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _serverBusyMs = new(StringComparer.Ordinal);
    private DateTimeOffset? _start;
    private DateTimeOffset _last;

    public long Timeouts { get; private set; }

    /// <param name="gateway">The gateway address it went through, whose workers its gateway stage held.</param>
    /// <param name="server">The server, whose workers its login held.</param>
    public void Record(string population, string? gateway, string? server, DateTimeOffset arrival, ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        lock (_gate)
        {
            if (_start is null || arrival < _start)
                _start = arrival;
            if (arrival > _last)
                _last = arrival;
            foreach (var stage in latency.Stages)
            {
                if (stage.Stage == ModelStage.Gateway && gateway is not null)
                    _gatewayBusyMs[gateway] = _gatewayBusyMs.GetValueOrDefault(gateway) + stage.Ms;
                else if (stage.Stage == ModelStage.Server && server is not null)
                    _serverBusyMs[server] = _serverBusyMs.GetValueOrDefault(server) + stage.Ms;
            }
            _connect.Add(latency.TotalMs);
            if (!_byPopulation.TryGetValue(population, out var list))
                _byPopulation[population] = list = [];
            list.Add(latency.TotalMs);
            _arrivals.Add((arrival, latency.TotalMs));
            if (latency.TimedOut)
                Timeouts++;
        }
    }

    /// <summary>The step "connect" and each population: count and percentiles of the modelled latency.</summary>
    public IReadOnlyList<ModelledPercentiles> Percentiles()
    {
        lock (_gate)
            return [ModelledPercentiles.Of("connect", _connect), .. _byPopulation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ModelledPercentiles.Of($"connect ({p.Key})", p.Value))];
    }

    /// <summary>Worker time held at each gateway address and server, for utilisation: busy / (span x workers).</summary>
    public (IReadOnlyDictionary<string, double> Gateways, IReadOnlyDictionary<string, double> Servers, TimeSpan Span) BusyMs()
    {
        lock (_gate)
            return (new Dictionary<string, double>(_gatewayBusyMs), new Dictionary<string, double>(_serverBusyMs), _start is { } start ? _last - start : TimeSpan.Zero);
    }

    /// <summary>Each second of simulated time: the offered load (arrivals) and the modelled latency they met.</summary>
    public IReadOnlyList<(long Second, int Arrivals, ModelledPercentiles Latency)> BySecond()
    {
        lock (_gate)
        {
            // Connections finish out of order: seconds count from the earliest arrival, once all are in.
            var start = _start ?? default;
            return
            [
                .. _arrivals.GroupBy(a => (long)Math.Floor((a.Arrival - start).TotalSeconds))
                    .OrderBy(g => g.Key)
                    .Select(g => (g.Key, g.Count(), ModelledPercentiles.Of("connect", g.Select(a => a.Ms)))),
            ];
        }
    }
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

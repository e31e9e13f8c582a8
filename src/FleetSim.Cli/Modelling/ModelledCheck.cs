using FleetSim.Cli.Attempts;
using FleetSim.Client.Attempts;
using FleetSim.Contracts.Connections;
using FleetSim.Policy;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Modelling;

/// <summary>
/// The modelled connect latency of `check`'s and `explain`'s attempts, when the fleet has a model.
/// Arrivals are the attempts' "at" (milliseconds after the earliest); an attempt without one
/// arrives with the attempt before it in the file (the first ones at the start). Each queue takes
/// attempts in the order they reach it, ties in file order, so the figures never depend on how the
/// grains interleaved. A connection whose client gave up becomes ClientTimeout (2013).
/// </summary>
public sealed class ModelledCheck
{
    private ModelledCheck(ModelledFleet fleet, ModelledLatency[] latencies, ConnectResult[] results)
    {
        Fleet = fleet;
        Latencies = latencies;
        Results = results;
    }

    public ModelledFleet Fleet { get; }

    /// <summary>Each attempt's modelled latency, in input order.</summary>
    public IReadOnlyList<ModelledLatency> Latencies { get; }

    /// <summary>The decisions, with ClientTimeout where the model says the client gave up.</summary>
    public IReadOnlyList<ConnectResult> Results { get; }

    public static ModelledCheck Run(FleetSpec spec, ModelSpec model, IReadOnlyList<Attempt> attempts, IReadOnlyList<ConnectResult> results)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(results);
        var vCores = spec.Servers
            .Where(s => s.Name is not null)
            .ToDictionary(s => s.Name!, s => Sku.TryParse(s.Sku, out var sku) ? sku.VCores : 1, ResourceNames.Comparer);
        var fleet = new ModelledFleet(ServiceModel.Compile(model));
        var arrivals = Arrivals(attempts);
        var connections = attempts.Select((attempt, i) =>
        {
            var result = results[i];
            var source = attempt.Source ?? new AttemptSource();
            return new ModelledConnection(
                attempt.Id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                arrivals[i],
                SourceKinds.Of(source.Azure, source.Subnet, source.PrivateEndpoint),
                TlsVersions.TryParseOffered(attempt.Tls, out var tls) ? tls : TlsVersion.Tls1_2,
                result.Gateway,
                result.Server,
                result.Server is { } server ? vCores.GetValueOrDefault(server, 1) : 1,
                ReachOf(result.Reason));
        }).ToList();
        var latencies = fleet.ConnectAll(connections).ToArray();
        var decided = results.Select((result, i) => latencies[i].TimedOut ? TimedOut(result) : result).ToArray();
        return new ModelledCheck(fleet, latencies, decided);
    }

    /// <summary>How far a decision's connection got: the gateway decides unknown servers, the server everything after.</summary>
    public static ModelReach ReachOf(ConnectionReason reason) => reason switch
    {
        ConnectionReason.HostNotFound => ModelReach.Nowhere,
        ConnectionReason.GatewayUnreachable => ModelReach.Unreachable,
        ConnectionReason.ServerNotFound => ModelReach.Gateway,
        _ => ModelReach.Server,
    };

    public static ConnectResult TimedOut(ConnectResult result)
    {
        var timeout = ConnectionErrors.ClientTimeout;
        return result with { Reason = timeout.Reason, Code = timeout.Code, Message = timeout.Message, Rule = null };
    }

    private static double[] Arrivals(IReadOnlyList<Attempt> attempts)
    {
        var start = attempts.Select(a => a.At).Where(at => at is not null).DefaultIfEmpty(null).Min();
        var arrivals = new double[attempts.Count];
        var previous = 0.0;
        for (var i = 0; i < attempts.Count; i++)
            previous = arrivals[i] = attempts[i].At is { } at && start is { } first ? (at - first).TotalMilliseconds : previous;
        return arrivals;
    }
}

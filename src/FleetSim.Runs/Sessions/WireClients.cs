using System.Collections.Concurrent;
using System.Net;
using FleetSim.Contracts.Connections;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetSim.Runs.Sessions;

/// <summary>
/// The listeners a run's wire populations dial: one pair per gateway address and client source,
/// opened on loopback the first time a client needs it, all closed (their sessions ended on the
/// servers) when the run is over. A population's addressesPerServer bounds how many there are.
/// </summary>
public sealed class WireClients : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Gateway, SourceAddress Source), Lazy<ListenerPair>> _listeners = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetsim-run-tls-{Guid.NewGuid():N}");
    private readonly WireFleet _fleet;
    private readonly WireOptions _options;
    private Modelling.ModelledRun? _modelled;

    /// <summary>The population wire clients' modelled figures are reported under.</summary>
    public const string Wire = "wire";

    public WireClients(WireFleet fleet)
    {
        _fleet = fleet;
        _options = new WireOptions { Certificate = ServerCertificates.InFolder(_folder).Load(), Decided = Decided, StatementDecided = StatementDecided };
    }

    /// <summary>
    /// Wire clients' modelled logins go to <paramref name="run"/>, as the population "wire": the
    /// protocol carries no iteration, so they arrive at the silo's clock, keyed by what they sent.
    /// </summary>
    internal void ModelInto(Modelling.ModelledRun run) => _modelled = run;

    private void Decided(ConnectResult result, DateTimeOffset sent)
    {
        if (_modelled is { } run && result.Modelled is { } latency)
            run.Record(Wire, result.Gateway, result.Server, sent, latency);
    }

    // A client that followed a redirect to its listener's direct endpoint skips the gateway; the others are proxied.
    private void StatementDecided(string gateway, string server, bool redirected, Policy.Model.ModelledLatency latency, DateTimeOffset sent) =>
        _modelled?.RecordStatement(Wire, gateway, server, redirected, sent, latency);

    /// <summary>Listeners opened so far.</summary>
    public int Count => _listeners.Count;

    /// <summary>What the fleet logged for every wire client, which they cannot count themselves.</summary>
    public long Audited => _listeners.Values.Where(l => l.IsValueCreated).Sum(l => l.Value.Audited);

    internal IPEndPoint ListenerFor(string gateway, SourceAddress source) =>
        _listeners.GetOrAdd((gateway, source), key => new Lazy<ListenerPair>(() => ListenerPair.Open(
            new WireEndpoint(new IPEndPoint(IPAddress.Loopback, 0), key.Gateway, key.Source), _options, _fleet, NullLogger.Instance)))
            .Value.Gateway.Endpoint.Endpoint;

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners.Values.Where(l => l.IsValueCreated))
            await listener.Value.DisposeAsync();
        _options.Certificate?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

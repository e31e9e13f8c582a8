using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Model;
using FleetSim.Wire.Listening;

namespace FleetSim.Wire.Tests;

/// <summary>What one listener's clients were modelled at: their logins, their statements (and whether redirected), its log.</summary>
public sealed class ModelledDoor
{
    private readonly ConcurrentQueue<ConnectResult> _logins = new();
    private readonly ConcurrentQueue<(bool Redirected, ModelledLatency Latency)> _statements = new();

    public IReadOnlyCollection<ConnectResult> Logins => _logins;

    public IReadOnlyCollection<(bool Redirected, ModelledLatency Latency)> Statements => _statements;

    public RecordingLogger Log { get; } = new();

    /// <summary>Forgets what earlier tests recorded.</summary>
    public void Clear()
    {
        _logins.Clear();
        _statements.Clear();
        Log.Clear();
    }

    internal WireOptions Options(X509Certificate2 certificate) => new()
    {
        Certificate = certificate,
        Decided = (result, _) => _logins.Enqueue(result),
        StatementDecided = (_, _, redirected, latency, _) => _statements.Enqueue((redirected, latency)),
    };
}

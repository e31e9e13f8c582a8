using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Model;

/// <summary>How far a connection got before it was decided, which sets the stages it pays for.</summary>
public enum ModelReach
{
    /// <summary>DNS failed: no connection was made, nothing is modelled.</summary>
    Nowhere,

    /// <summary>The gateway address does not answer: the client's connect times out.</summary>
    Unreachable,

    /// <summary>The gateway decided (an unknown server): network, TLS and the gateway.</summary>
    Gateway,

    /// <summary>The server decided, allowed or not: the whole path.</summary>
    Server,
}

/// <summary>
/// One connection as the model sees it: its id (which keys its samples), when it arrives in
/// simulated milliseconds, where it comes from, and the gateway address and server it went through.
/// </summary>
public sealed record ModelledConnection(
    string Id,
    double ArrivalMs,
    SourceKind Source,
    TlsVersion Tls,
    string? Gateway,
    string? Server,
    int ServerVCores,
    ModelReach Reach);

/// <summary>The time of one stage of a path.</summary>
public sealed record StageTime(ModelStage Stage, double Ms);

/// <summary>
/// A connection's modelled latency, stage by stage. TimedOut: the client gave up at
/// the model's timeout, and TotalMs is that timeout.
/// </summary>
public sealed record ModelledLatency(double TotalMs, bool TimedOut, IReadOnlyList<StageTime> Stages)
{
    public static readonly ModelledLatency None = new(0, false, []);
}

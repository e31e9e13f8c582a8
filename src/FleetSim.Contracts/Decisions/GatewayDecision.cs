using FleetSim.Policy.Decisions;

namespace FleetSim.Contracts.Decisions;

/// <summary>
/// A decision a gateway logged, as the live feed carries it: when, at which gateway of which
/// region, for which server, the source the gateway saw, the login, and the verdict; and for the
/// few the feed has traced, the trace from the gateway on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GatewayDecision(
    DateTimeOffset At,
    string Gateway,
    string Region,
    string? Server,
    string Source,
    string User,
    Verdict Verdict,
    IReadOnlyList<Connections.TraceEntry>? Trace = null);

using FleetSim.Policy.Decisions;

namespace FleetSim.Contracts.Decisions;

/// <summary>
/// A decision a gateway logged, as the live feed carries it: when, at which gateway of which
/// region, for which server, the source the gateway saw, the login, and the verdict.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record GatewayDecision(
    DateTimeOffset At,
    string Gateway,
    string Region,
    string? Server,
    string Source,
    string User,
    Verdict Verdict);

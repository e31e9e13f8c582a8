namespace FleetSim.Contracts.Decisions;

/// <summary>
/// What one silo's gateways decided since its previous batch: up to
/// <see cref="DecisionHub.LinesPerBatch"/> of the decisions themselves, and exact counts of all of
/// them (how many, how many admitted, how many by the stage that decided them).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DecisionBatch(
    string Silo,
    IReadOnlyList<GatewayDecision> Lines,
    long Total,
    long Allowed,
    IReadOnlyDictionary<string, long> ByStage);

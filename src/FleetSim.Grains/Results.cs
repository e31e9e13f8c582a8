using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;

namespace FleetSim.Grains;

/// <summary>Turns the policy engine's verdicts and traces into the messages grains return.</summary>
internal static class Results
{
    public static ConnectResult From(Verdict verdict, string? server, string? gateway, DecisionTrace? trace, long connectionId = 0) =>
        new(verdict.Reason, verdict.Code, verdict.Message, verdict.Rule, server, gateway, connectionId, TraceEntry.From(trace));
}

using FleetSim.Contracts.Connections;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;

namespace FleetSim.Grains.Servers;

/// <summary>The gateway's log entry for a connection, completed with the server's verdict (acknowledged durability).</summary>
internal static class GatewayDecisions
{
    public static GatewayLogRecord Completed(GatewayLogRecord decision, ConnectResult result)
    {
        var verdict = new Verdict(result.Reason, result.Code, result.Message, result.Rule);
        return decision with { Reason = verdict.Reason, Code = verdict.Code, Rule = verdict.Rule, Authenticated = verdict.Authenticated };
    }
}

using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Modelling;

/// <summary>
/// A login's answer with its whole modelled path, shared by the gateway grain and a wire
/// listener's direct endpoint: a client that gave up on the way hears ClientTimeout, whatever was
/// decided after it left.
/// </summary>
public static class ModelledLogins
{
    public static ConnectResult Answer(ConnectResult result, ModelledLatency path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.TimedOut || result.Reason == ConnectionReason.ClientTimeout)
            return result with { Modelled = path };
        var timeout = ConnectionErrors.ClientTimeout;
        return result with { Reason = timeout.Reason, Code = timeout.Code, Message = timeout.Message, Rule = null, Modelled = path };
    }
}

using System.Net;
using Microsoft.Extensions.Logging;

namespace FleetSim.Wire.Sessions;

/// <summary>What an operator needs to see of the listeners.</summary>
internal static partial class WireLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Endpoint} for gateway {Gateway}")]
    public static partial void Listening(ILogger logger, IPEndPoint endpoint, string gateway);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Login of '{User}' on {Endpoint} refused with {Code}")]
    public static partial void Refused(ILogger logger, IPEndPoint endpoint, string user, int code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Login of '{User}' on {Endpoint}: {Reason}, modelled {ModelledMs:0.###} ms")]
    public static partial void Modelled(ILogger logger, IPEndPoint endpoint, string user, Policy.Decisions.ConnectionReason reason, double modelledMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "A client on {Endpoint} broke the protocol: {Reason}")]
    public static partial void ProtocolError(ILogger logger, IPEndPoint endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close connection {ConnectionId} on server '{Server}'")]
    public static partial void DisconnectFailed(ILogger logger, string server, long connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A connection on {Endpoint} failed")]
    public static partial void ConnectionFailed(ILogger logger, IPEndPoint endpoint, Exception exception);
}

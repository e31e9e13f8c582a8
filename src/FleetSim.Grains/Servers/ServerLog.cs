using FleetSim.Policy.Spec;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>What an operator needs to see a server do on its own: end sessions, lose its key, apply delayed rules, miss a backup.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Server {Server} is {State}: {Sessions} open sessions ended")]
    public static partial void CannotServe(ILogger logger, string server, ServerState state, int sessions);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Server {Server} deleted: {Sessions} open sessions ended")]
    public static partial void Deleted(ILogger logger, string server, int sessions);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Server {Server} killed connection {ConnectionId} of '{User}'@'{ClientIp}'")]
    public static partial void SessionKilled(ILogger logger, string server, long connectionId, string user, string clientIp);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Server {Server} cannot reach its customer-managed key: it becomes Inaccessible at {InaccessibleAt:O} unless access is restored")]
    public static partial void KeyLost(ILogger logger, string server, DateTimeOffset inaccessibleAt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Server {Server} is Inaccessible: its customer-managed key stayed unreachable past the revocation delay; revalidate it once access is restored")]
    public static partial void KeyInaccessible(ILogger logger, string server);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Server {Server} revalidated its customer-managed key and serves again")]
    public static partial void KeyRevalidated(ILogger logger, string server);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Server {Server} will apply its firewall and VNet rule changes at {TakesEffectAt:O}")]
    public static partial void RuleChangePending(ILogger logger, string server, DateTimeOffset takesEffectAt);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Server {Server} applied its pending firewall and VNet rule changes")]
    public static partial void RuleChangeApplied(ILogger logger, string server);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Server {Server} could not take its backup snapshot; it tries again in an hour")]
    public static partial void BackupFailed(ILogger logger, Exception exception, string server);
}

using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Audit;

/// <summary>What an operator needs to know of audit delivery: a batch that did not reach the store, or a sink.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Audit sink {Sink} could not commit {Count} records; their senders keep them and retry")]
    public static partial void SinkCommitFailed(ILogger logger, Exception error, GrainId sink, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Audit sink {Sink} could not write {Count} records to the audit store; it keeps them and retries")]
    public static partial void SinkWriteFailed(ILogger logger, Exception error, GrainId sink, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Audit sink {Sink} flushed on deactivation ({Reason})")]
    public static partial void SinkFlushedOnDeactivation(ILogger logger, GrainId sink, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Grain} could not deliver {Count} audit records and alerts to its audit sink; it keeps them and retries")]
    public static partial void DeliveryFailed(ILogger logger, Exception error, GrainId grain, int count);
}

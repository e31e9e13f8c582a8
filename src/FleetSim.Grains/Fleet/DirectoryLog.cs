using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Fleet;

/// <summary>What an operator needs to see of the fleet directory: each change published, each document refused.</summary>
internal static partial class DirectoryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Fleet directory version {Version} published: {Created} servers created, {Changed} changed, {Removed} deleted")]
    public static partial void Published(ILogger logger, long version, int created, int changed, int removed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Fleet change refused with {Count} errors, first: {First}")]
    public static partial void Refused(ILogger logger, int count, string first);
}

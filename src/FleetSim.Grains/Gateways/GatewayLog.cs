using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Gateways;

/// <summary>What an operator needs to see a gateway do: refuse to serve an address that is not a gateway.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Address} is not a gateway address of any region in directory version {Version}: connections dialled there are refused")]
    public static partial void NotAGateway(ILogger logger, string address, long version);
}

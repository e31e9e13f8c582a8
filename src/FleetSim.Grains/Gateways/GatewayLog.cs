using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Gateways;

/// <summary>What an operator needs to see a gateway do: refuse to serve an address that is not a gateway; and why the live feed missed a beat.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Address} is not a gateway address of any region in directory version {Version}: connections dialled there are refused")]
    public static partial void NotAGateway(ILogger logger, string address, long version);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "The live decision feed could not reach the cluster's decision hub: {Error}")]
    public static partial void RelayFailed(ILogger logger, string error);
}

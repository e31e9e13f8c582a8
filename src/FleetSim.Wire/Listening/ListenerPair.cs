using System.Net;

namespace FleetSim.Wire.Listening;

/// <summary>
/// What one planned listener opens: the gateway listener clients dial, and its companion direct
/// endpoint (same address, a free port, the same source), where the redirect policy sends them.
/// </summary>
public sealed class ListenerPair : IAsyncDisposable
{
    private ListenerPair(WireListener gateway, WireListener direct) => (Gateway, Direct) = (gateway, direct);

    public WireListener Gateway { get; }

    public WireListener Direct { get; }

    /// <summary>What the fleet logged for both listeners' clients.</summary>
    public long Audited => Gateway.Audited + Direct.Audited;

    /// <exception cref="WireEndpointException">An endpoint cannot be bound.</exception>
    public static ListenerPair Open(WireEndpoint endpoint, WireOptions options, WireFleet fleet, Microsoft.Extensions.Logging.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var direct = WireListener.Start(endpoint with { Endpoint = new IPEndPoint(endpoint.Endpoint.Address, 0), Direct = null }, options, fleet, direct: true, logger);
        try
        {
            var gateway = WireListener.Start(endpoint with { Direct = direct.Endpoint.Endpoint }, options, fleet, direct: false, logger);
            return new ListenerPair(gateway, direct);
        }
        catch
        {
            direct.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Direct.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FleetSim.Contracts.Connections;
using FleetSim.Wire.Sessions;
using Microsoft.Extensions.Logging;

namespace FleetSim.Wire.Listening;

/// <summary>
/// Accepts real clients on one endpoint and runs each on its own <see cref="WireConnection"/>. A
/// client's failure ends that client only; stopping the listener ends every connection, each
/// closing its session on its server first.
/// </summary>
public sealed class WireListener : IAsyncDisposable
{
    private static int _handshakeIds;

    private readonly WireEndpoint _endpoint;
    private readonly WireOptions _options;
    private readonly WireFleet _fleet;
    private readonly IFleetDoor _door;
    private readonly SessionEndings _endings = new();
    private readonly ISessionObserver _observer;
    private readonly AuditedCount _audited = new();
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private Task _accepting = Task.CompletedTask;
    private int _next;

    private WireListener(WireEndpoint endpoint, WireOptions options, WireFleet fleet, bool direct, ILogger logger)
    {
        (_endpoint, _options, _fleet, _logger) = (endpoint, options, fleet, logger);
        _door = direct ? new DirectDoor(fleet.Grains, fleet.Directory, endpoint.Gateway) : new GatewayDoor(fleet.Grains, endpoint.Gateway);
        _observer = fleet.Grains.CreateObjectReference<ISessionObserver>(_endings);
        _listener = new TcpListener(endpoint.Endpoint);
        Endpoint = endpoint;
    }

    /// <summary>The endpoint as bound: with the real port when port 0 was asked for.</summary>
    public WireEndpoint Endpoint { get; private set; }

    /// <summary>
    /// Audit records and gateway log entries the fleet said it wrote for this listener's clients,
    /// which real clients cannot count themselves: a run reconciles them with the store.
    /// </summary>
    public long Audited => _audited.Value;

    /// <summary>Connections being served now.</summary>
    public int Connections => _connections.Count;

    /// <param name="endpoint">Where to listen, and what its clients stand for.</param>
    /// <param name="options">How clients are treated.</param>
    /// <param name="fleet">The silo's grains and fleet directory.</param>
    /// <param name="direct">A direct endpoint: logins go straight to their server grain, as after a redirect.</param>
    /// <param name="logger">Where the listener logs.</param>
    /// <exception cref="WireEndpointException">The endpoint cannot be bound (its port is taken).</exception>
    public static WireListener Start(WireEndpoint endpoint, WireOptions options, WireFleet fleet, bool direct, ILogger logger)
    {
        var listener = new WireListener(endpoint, options, fleet, direct, logger);
        try
        {
            listener._listener.Start(backlog: 512);
            // Bound once: every connection of the listener reads it.
            listener.Endpoint = endpoint with { Endpoint = (IPEndPoint)listener._listener.LocalEndpoint };
        }
        catch (SocketException e)
        {
            listener._fleet.Grains.DeleteObjectReference<ISessionObserver>(listener._observer);
            throw new WireEndpointException($"cannot listen on {endpoint.Endpoint}: {(e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "the port is taken" : e.Message)}", e);
        }
        listener._accepting = listener.Accept();
        WireLog.Listening(logger, listener.Endpoint.Endpoint, endpoint.Gateway);
        return listener;
    }

    private async Task Accept()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                    return;
                continue;
            }
            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _next);
            _connections[id] = Serve(id, socket);
        }
    }

    private async Task Serve(int id, Socket socket)
    {
        await Task.Yield();
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            using var connection = new WireConnection(Endpoint, _options, _door, _endings, _observer, _audited, (uint)Interlocked.Increment(ref _handshakeIds), _logger);
            await connection.RunAsync(stream, _stopping.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WireLog.ConnectionFailed(_logger, _endpoint.Endpoint, e);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    /// <summary>Stops accepting, ends every connection and waits until each has closed its session.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections.Values);
        _fleet.Grains.DeleteObjectReference<ISessionObserver>(_observer);
        _stopping.Dispose();
    }
}

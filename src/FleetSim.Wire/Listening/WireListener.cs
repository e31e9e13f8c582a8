using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
    private readonly IGrainFactory _grains;
    private readonly ILogger _logger;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private Task _accepting = Task.CompletedTask;
    private int _next;

    private WireListener(WireEndpoint endpoint, WireOptions options, IGrainFactory grains, ILogger logger)
    {
        (_endpoint, _options, _grains, _logger) = (endpoint, options, grains, logger);
        _listener = new TcpListener(endpoint.Endpoint);
    }

    /// <summary>The endpoint as bound: with the real port when port 0 was asked for.</summary>
    public WireEndpoint Endpoint => _endpoint with { Endpoint = (IPEndPoint)_listener.LocalEndpoint };

    /// <summary>Connections being served now.</summary>
    public int Connections => _connections.Count;

    /// <exception cref="WireEndpointException">The endpoint cannot be bound (its port is taken).</exception>
    public static WireListener Start(WireEndpoint endpoint, WireOptions options, IGrainFactory grains, ILogger logger)
    {
        var listener = new WireListener(endpoint, options, grains, logger);
        try
        {
            listener._listener.Start(backlog: 512);
        }
        catch (SocketException e)
        {
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
            var connection = new WireConnection(Endpoint, _options, _grains, (uint)Interlocked.Increment(ref _handshakeIds), _logger);
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
        _stopping.Dispose();
    }
}

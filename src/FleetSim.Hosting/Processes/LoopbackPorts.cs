using System.Net;
using System.Net.Sockets;

namespace FleetSim.Hosting.Processes;

/// <summary>Ports the operating system says are free on loopback, so that processes started side by side never collide.</summary>
public static class LoopbackPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on the port, or the process that should open it exits.</summary>
    /// <returns>False when <paramref name="exited"/> said so first.</returns>
    /// <exception cref="TimeoutException">Nothing listened within <paramref name="patience"/>.</exception>
    public static async Task<bool> WaitForListenerAsync(int port, Func<bool> exited, TimeSpan patience, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (exited())
                return false;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        throw new TimeoutException($"nothing listened on 127.0.0.1:{port} within {patience.TotalSeconds:0} s");
    }
}

using System.Collections.Concurrent;
using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Sessions;

/// <summary>
/// A listener's one observer for all its sessions: when a server ends a session itself, the
/// connection that holds it is closed at once.
/// </summary>
internal sealed class SessionEndings : ISessionObserver
{
    private readonly ConcurrentDictionary<(string Server, long ConnectionId), CancellationTokenSource> _watched = new();

    public void Watch(string server, long connectionId, CancellationTokenSource end) => _watched[(server, connectionId)] = end;

    public void Forget(string server, long connectionId) => _watched.TryRemove((server, connectionId), out _);

    public Task Ended(string server, long connectionId)
    {
        if (_watched.TryRemove((server, connectionId), out var end))
        {
            try
            {
                end.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The connection closed on its own meanwhile.
            }
        }
        return Task.CompletedTask;
    }
}

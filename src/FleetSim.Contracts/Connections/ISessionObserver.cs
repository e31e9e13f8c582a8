namespace FleetSim.Contracts.Connections;

/// <summary>
/// Whoever holds a session's client connection open (a wire listener): told when the server ends
/// the session itself (stopped, deleted, its key revoked), so that the client's connection closes
/// then, as a killed connection's does, rather than at its next statement.
/// </summary>
public interface ISessionObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay]
    Task Ended(string server, long connectionId);
}

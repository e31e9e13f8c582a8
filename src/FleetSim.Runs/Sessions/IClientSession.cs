namespace FleetSim.Runs.Sessions;

/// <summary>
/// One client's session as a run plays it, whichever way the client reaches the fleet: log in,
/// run statements, leave.
/// </summary>
internal interface IClientSession : IAsyncDisposable
{
    /// <summary>Logs in; returns the decision's reason (Allowed, FirewallDenied, ...).</summary>
    Task<string> Connect();

    bool Allowed { get; }

    /// <summary>Runs one statement; false when the server refused it.</summary>
    Task<bool> Execute(string sql);

    Task Disconnect();
}

namespace FleetSim.Policy.Sessions;

/// <summary>
/// A server's open sessions by connection id. Ids count every accepted connection, as MariaDB's
/// do, held or not. Sessions the server ended itself (stopped, deleted, its key lost) are
/// remembered, so that a statement still sent on one is answered as on a killed connection.
/// </summary>
public sealed class SessionTable(long lastConnectionId = 0)
{
    /// <summary>Killed ids are kept for late statements, up to this many; older ones are forgotten.</summary>
    public const int RememberedKills = 65_536;

    private readonly Dictionary<long, Session> _open = [];
    private readonly HashSet<long> _killed = [];

    public long LastConnectionId { get; private set; } = lastConnectionId;

    public int Count => _open.Count;

    /// <summary>The id the next accepted connection gets.</summary>
    public long NextId() => ++LastConnectionId;

    public void Hold(Session session) => _open[session.ConnectionId] = session;

    public bool TryGet(long connectionId, out Session session) => _open.TryGetValue(connectionId, out session!);

    /// <summary>The client closes its connection: it is no longer open.</summary>
    public bool Close(long connectionId, out Session session) => _open.Remove(connectionId, out session!);

    public bool WasKilled(long connectionId) => _killed.Contains(connectionId);

    /// <summary>The server ends every open session; they are returned to be logged as disconnected.</summary>
    public IReadOnlyList<Session> KillAll()
    {
        if (_open.Count == 0)
            return [];
        if (_killed.Count + _open.Count > RememberedKills)
            _killed.Clear();
        var ended = _open.Values.OrderBy(s => s.ConnectionId).ToList();
        _open.Clear();
        foreach (var session in ended)
            _killed.Add(session.ConnectionId);
        return ended;
    }
}

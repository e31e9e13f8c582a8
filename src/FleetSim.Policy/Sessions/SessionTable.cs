namespace FleetSim.Policy.Sessions;

/// <summary>
/// A server's open sessions by connection id. Ids count every accepted connection, as MariaDB's
/// do, held or not. Sessions the server ended itself (stopped, deleted, its key lost) are
/// remembered, so that a statement still sent on one is answered as on a killed connection.
/// </summary>
public sealed class SessionTable
{
    /// <summary>
    /// [FleetSim rule] Killed ids kept for late statements, oldest forgotten first: the largest
    /// server's max_connections, so the kill of a full server is remembered whole.
    /// </summary>
    public const int RememberedKills = 10_000;

    private readonly Dictionary<long, Session> _open = [];
    private readonly HashSet<long> _killed = [];
    private readonly Queue<long> _killOrder = new();

    /// <param name="lastConnectionId">Where a saved table's ids had got to.</param>
    /// <param name="killed">A saved table's killed ids, oldest first.</param>
    public SessionTable(long lastConnectionId = 0, IEnumerable<long>? killed = null)
    {
        LastConnectionId = lastConnectionId;
        foreach (var id in killed ?? [])
            Remember(id);
    }

    public long LastConnectionId { get; private set; }

    public int Count => _open.Count;

    /// <summary>The killed ids still remembered, oldest first, to be saved.</summary>
    public IReadOnlyCollection<long> Killed => _killOrder;

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
        var ended = _open.Values.OrderBy(s => s.ConnectionId).ToList();
        _open.Clear();
        foreach (var session in ended)
            Remember(session.ConnectionId);
        return ended;
    }

    private void Remember(long connectionId)
    {
        if (!_killed.Add(connectionId))
            return;
        _killOrder.Enqueue(connectionId);
        if (_killOrder.Count > RememberedKills)
            _killed.Remove(_killOrder.Dequeue());
    }
}

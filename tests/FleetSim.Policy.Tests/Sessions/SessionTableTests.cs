using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>A server's open sessions: MariaDB-style connection ids, and the sessions the server itself ended.</summary>
public sealed class SessionTableTests
{
    private static readonly AccessControl Access = AccessControl.FromSpec(new ServerSpec { Name = "contoso", AdministratorLogin = "admin", AdministratorLoginPassword = "Adm1n!2026" });

    private static Session Open(SessionTable table) => new(Access, table.NextId(), "admin", "203.0.113.7");

    [Fact]
    public void Connection_ids_count_every_accepted_connection_held_or_not_and_continue_from_a_saved_one()
    {
        var table = new SessionTable(lastConnectionId: 41);

        var first = Open(table);
        var second = Open(table);
        table.Hold(second);

        Assert.Equal((42L, 43L, 1), (first.ConnectionId, second.ConnectionId, table.Count));
    }

    [Fact]
    public void Sessions_the_server_kills_are_returned_to_be_logged_and_remembered_as_killed()
    {
        var table = new SessionTable();
        var a = Open(table);
        var b = Open(table);
        table.Hold(a);
        table.Hold(b);

        var ended = table.KillAll();

        Assert.Equal([a, b], ended);
        Assert.Equal(0, table.Count);
        Assert.True(table.WasKilled(a.ConnectionId) && table.WasKilled(b.ConnectionId));
        Assert.False(table.TryGet(a.ConnectionId, out _));
    }

    [Fact]
    public void A_session_the_client_closed_is_not_a_killed_one()
    {
        var table = new SessionTable();
        var session = Open(table);
        table.Hold(session);

        Assert.True(table.Close(session.ConnectionId, out _));

        Assert.False(table.WasKilled(session.ConnectionId));
        Assert.Empty(table.KillAll());
    }

    /// <summary>Opens and holds a session, which the server then kills.</summary>
    private static Session Killed(SessionTable table)
    {
        var session = Open(table);
        table.Hold(session);
        table.KillAll();
        return session;
    }

    [Fact]
    public void A_saved_table_still_knows_its_killed_ids()
    {
        var table = new SessionTable();
        var session = Killed(table);

        var restored = new SessionTable(table.LastConnectionId, table.Killed);

        Assert.True(restored.WasKilled(session.ConnectionId));
        Assert.Equal(session.ConnectionId + 1, restored.NextId());
    }

    [Fact]
    public void Beyond_the_remembered_kills_the_oldest_are_forgotten_first()
    {
        var table = new SessionTable();
        var first = Killed(table);
        for (var i = 0; i < SessionTable.RememberedKills; i++)
            table.Hold(Open(table));

        table.KillAll();

        Assert.False(table.WasKilled(first.ConnectionId));
        Assert.True(table.WasKilled(first.ConnectionId + 1));
        Assert.Equal(SessionTable.RememberedKills, table.Killed.Count);
    }
}

using FleetSim.Client;
using FleetSim.Contracts.Fleet;
using Microsoft.Extensions.Time.Testing;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// The sessions a server killed are persisted with it: once it comes back after its silo was lost,
/// a late statement on one is still answered as on a killed connection, and one the client closed
/// is not.
/// </summary>
public sealed class KilledSessionsRestartTests
{
    private const string Office = "203.0.113.7";

    [Fact]
    public async Task A_killed_session_still_gets_1927_after_the_loss_of_its_silo_and_a_closed_one_2006()
    {
        var clock = new FakeTimeProvider(FakeClockCluster.Start);
        string folder;
        Contracts.Connections.ConnectResult killed, closed;
        await using (var first = await FakeClockCluster.Deploy(clock))
        {
            folder = first.Folder;
            var connector = await first.Provision(With(Contoso(Rule("office", Office))));
            closed = await first.Connect(connector, Login(Office, hold: true));
            await connector.Disconnect(closed);
            killed = await first.Connect(connector, Login(Office, hold: true));
            await first.Provision(With(Contoso(Rule("office", Office)) with { State = "Stopped" }), asNew: false);
        }

        await using var second = await FakeClockCluster.Deploy(clock, folder);
        var again = new FleetConnector(second.Grains, new DirectoryCache(second.Grains));
        var onKilled = await again.Execute(killed, "SELECT 1");
        var onClosed = await again.Execute(closed, "SELECT 1");

        Assert.Equal((1927, "Connection was killed"), (onKilled.Code, onKilled.Message));
        Assert.Equal(2006, onClosed.Code);
    }
}

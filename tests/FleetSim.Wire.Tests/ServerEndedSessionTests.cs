using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;
using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>A session the server ends (here: the server is stopped) is closed on the wire at once, as a killed connection is.</summary>
public sealed class ServerEndedSessionTests(WireFixture fleet) : IClassFixture<WireFixture>
{
    [Fact]
    public async Task Stopping_a_server_closes_its_clients_connections_without_waiting_for_their_next_statement()
    {
        await using var connection = new MySqlConnection(fleet.Connection("dbadmin@victim", TestFleet.AdminPassword).ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, fleet.Listeners.Gateway.Connections);

        var stopped = await fleet.Silo.Grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default)
            .Change(new SetServerStateCommand("victim", ServerState.Stopped));
        Assert.True(stopped.Succeeded, string.Join("; ", stopped.Errors));

        await WireFixture.Eventually(() => Task.FromResult(fleet.Listeners.Gateway.Connections == 0), "the listener closes the connection");
        Assert.Equal(0, (await fleet.Status("victim")).OpenConnections);
        await Assert.ThrowsAnyAsync<Exception>(() => new MySqlCommand("SELECT 1", connection).ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}

using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// The redirect connection policy with a driver that follows it: later traffic goes to the
/// listener's direct endpoint, skipping the gateway, and a server without it keeps the gateway path.
/// </summary>
public sealed class RedirectTests(WireFixture fleet) : IClassFixture<WireFixture>
{
    [Fact]
    public async Task A_driver_that_follows_redirects_ends_up_on_the_direct_endpoint()
    {
        var settings = fleet.Connection("dbadmin@redirecting", TestFleet.AdminPassword);
        settings.ServerRedirectionMode = MySqlServerRedirectionMode.Required;
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        await using var command = new MySqlCommand("SELECT CURRENT_USER()", connection);
        Assert.Equal("dbadmin@%", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, fleet.Listeners.Direct.Connections);
        // The first login, through the gateway, is closed once the driver has moved: one session remains.
        await WireFixture.Eventually(async () => (await fleet.Status("redirecting")).OpenConnections == 1, "the gateway session closes after the redirect");
    }

    [Fact]
    public async Task A_server_without_redirect_enabled_is_not_redirected()
    {
        var settings = fleet.Connection("dbadmin@contoso", TestFleet.AdminPassword);
        settings.ServerRedirectionMode = MySqlServerRedirectionMode.Required;
        await using var connection = new MySqlConnection(settings.ConnectionString);

        await Assert.ThrowsAsync<MySqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_client_that_ignores_the_redirect_keeps_working_through_the_gateway()
    {
        var settings = fleet.Connection("dbadmin@redirecting", TestFleet.AdminPassword);
        settings.ServerRedirectionMode = MySqlServerRedirectionMode.Disabled;
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        await using var command = new MySqlCommand("SELECT 1", connection);
        Assert.Equal("1", (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString());
        Assert.Equal(0, fleet.Listeners.Direct.Connections);
    }
}

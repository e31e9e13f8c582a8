using System.Diagnostics;
using System.Globalization;
using FleetSim.Policy.Model;
using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// With a fleet model, a client that followed the redirect is modelled as a redirected session:
/// its login at the direct endpoint is a reconnect straight to the server (no gateway stages), and
/// its statements skip the gateway (no relay, no gateway queue, no hop), each a round trip and the
/// server's queue and work.
/// </summary>
public sealed class RedirectModellingTests(ModelledWireFixture fleet) : IClassFixture<ModelledWireFixture>
{
    private static readonly ModelStage[] GatewayStages = [ModelStage.GatewayQueue, ModelStage.Gateway, ModelStage.Hop, ModelStage.Relay];

    [Fact]
    public async Task A_driver_that_follows_the_redirect_is_modelled_as_a_reconnect_straight_to_the_server_and_its_statements_as_redirected()
    {
        fleet.Gateway.Clear();
        fleet.Direct.Clear();
        var settings = fleet.Connection("dbadmin@redirecting", TestFleet.AdminPassword);
        settings.ServerRedirectionMode = MySqlServerRedirectionMode.Required;
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 2; i++)
        {
            await using var command = new MySqlCommand("SELECT 1", connection);
            Assert.Equal("1", (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString());
        }

        // The first login passed the gateway, which modelled its part of it and answered with the redirect.
        var first = Assert.Single(fleet.Gateway.Logins);
        Assert.True(first.Redirect);
        Assert.Contains(first.Modelled!.Stages, s => s.Stage == ModelStage.Gateway);
        // The reconnect: three round trips and TLS (whichever version the driver negotiated again), then the server's queue and its 4 ms login.
        var login = Assert.Single(fleet.Direct.Logins);
        Assert.True(login.Allowed, login.Message);
        Assert.NotNull(login.Modelled);
        Assert.Equal([ModelStage.Network, ModelStage.Tls, ModelStage.ServerQueue, ModelStage.Server], login.Modelled!.Stages.Select(s => s.Stage));
        Assert.Equal(3 * ModelledWireFixture.RttMs, login.Modelled.Stages[0].Ms);
        Assert.Equal(4, login.Modelled.Stages[^1].Ms);
        AssertRedirected(fleet.Direct.Statements, atLeast: 2);
        // What the driver ran before it moved stayed on the gateway's listener: proxied.
        Assert.All(fleet.Gateway.Statements, s => Assert.False(s.Redirected));
        // What `serve --verbose` prints for it.
        Assert.Contains(fleet.Direct.Log.Lines, line => line.StartsWith("Login of 'dbadmin@redirecting' on ", StringComparison.Ordinal)
            && line.EndsWith(string.Create(CultureInfo.InvariantCulture, $": Allowed, modelled {login.Modelled.TotalMs:0.###} ms"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mariadb_client_reconnecting_at_the_direct_endpoint_is_modelled_without_the_gateway()
    {
        fleet.Direct.Clear();
        var start = new ProcessStartInfo("mariadb") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--no-defaults", "--batch", "--skip-column-names", "-h", "127.0.0.1", "-P", fleet.DirectEndpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-u", "dbadmin@redirecting", $"--password={TestFleet.AdminPassword}", $"--ssl-ca={fleet.CaPath}", "-e", "SELECT 1; SELECT 2"])
            start.ArgumentList.Add(arg);
        using var client = Process.Start(start)!;
        client.StandardInput.Close();
        var stdout = client.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = client.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await client.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(client.ExitCode == 0, await stderr);
        Assert.Equal("1\n2\n", await stdout);

        var login = Assert.Single(fleet.Direct.Logins);
        Assert.True(login.Allowed, login.Message);
        Assert.NotNull(login.Modelled);
        Assert.DoesNotContain(login.Modelled!.Stages, s => GatewayStages.Contains(s.Stage));
        Assert.Equal(3 * ModelledWireFixture.RttMs, login.Modelled.Stages[0].Ms);
        AssertRedirected(fleet.Direct.Statements, atLeast: 2);
    }

    // A redirected statement: one round trip, the server's queue and its 1 ms of work; nothing at the gateway.
    private static void AssertRedirected(IReadOnlyCollection<(bool Redirected, ModelledLatency Latency)> statements, int atLeast)
    {
        Assert.True(statements.Count >= atLeast, $"{statements.Count} statements modelled");
        foreach (var (redirected, latency) in statements)
        {
            Assert.True(redirected);
            Assert.Equal([ModelStage.Network, ModelStage.ServerQueue, ModelStage.Statement], latency.Stages.Select(s => s.Stage));
            Assert.Equal(ModelledWireFixture.RttMs, latency.Stages[0].Ms);
            Assert.Equal(1, latency.Stages[^1].Ms);
        }
    }
}

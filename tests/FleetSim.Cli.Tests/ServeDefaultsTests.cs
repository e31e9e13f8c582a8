namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim serve` with nothing but the ports given, as a newcomer first runs it.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeDefaultsTests
{
    [Fact]
    public async Task Without_a_fleet_serve_opens_a_listener_per_live_gateway_of_samples_fleet_and_Ctrl_C_stops_it_with_exit_code_0()
    {
        await using var serve = await ServeProcess.StartAsync();

        // samples/fleet.json's eastus has a Decommissioned, a Decommissioning and a Current gateway; westeurope a Current one.
        Assert.Equal(["191.238.6.43", "40.71.8.203", "40.68.37.158"], serve.Listeners.Select(l => l.Gateway));
        Assert.All(serve.Listeners, l => Assert.Equal(new Dictionary<string, string> { ["ip"] = ServedFleet.InternetIp }, l.Source));
        // A Decommissioning gateway still serves its region until DNS has moved every client on.
        foreach (var listener in serve.Listeners.Where(l => l.Gateway != "40.68.37.158"))
        {
            var run = await MariaDbClient.RunAsync(serve, listener.Port, "dbadmin@contoso", "Contoso!2026", "SELECT CURRENT_USER()");
            Assert.Equal(["dbadmin@%"], run.Rows);
        }

        Assert.Equal(0, await serve.StopAsync("INT"));
    }
}

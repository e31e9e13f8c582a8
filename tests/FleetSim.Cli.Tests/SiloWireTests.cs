using System.Diagnostics;
using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// A silo host opens the MariaDB listeners of its silo.json's FleetSim:Wire section, configured per
/// silo through environment overrides, and a real mariadb client logs in to the fleet applied to it.
/// </summary>
public sealed class SiloWireTests
{
    [Fact]
    public async Task A_silo_with_a_wire_section_serves_real_clients_of_the_fleet_applied_to_it()
    {
        await using var silo = await SiloProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["FleetSim__Wire__Listeners__0__Endpoint"] = "127.0.0.1:0",
            ["FleetSim__Wire__Listeners__0__Gateway"] = "40.71.8.203",
            ["FleetSim__Wire__Listeners__0__Source__Ip"] = "203.0.113.9",
            ["FleetSim__Wire__EndpointsFile"] = "data/endpoints.json",
        });
        Assert.Equal(0, (await RunAsync("fleet", "apply", Sample("fleet.json"), "--gateway", silo.Gateway)).ExitCode);
        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(silo.Folder, "data", "endpoints.json"), TestContext.Current.CancellationToken));
        var port = endpoints.RootElement[0].GetProperty("endpoint").GetString()!.Split(':')[1];
        var ca = Path.Combine(silo.Folder, "data", "tls", "ca.pem");

        var admitted = await Mariadb("-h", "127.0.0.1", "-P", port, "-u", "dbadmin@contoso", "-pContoso!2026", $"--ssl-ca={ca}", "-N", "-e", "SELECT CURRENT_USER()");
        var refused = await Mariadb("-h", "127.0.0.1", "-P", port, "-u", "fabadmin@fabrikam", "-pFabrikam#2026", "-e", "SELECT 1");

        Assert.Equal((0, "dbadmin@%"), (admitted.ExitCode, admitted.Stdout.Trim()));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ERROR 9000 (HY000): Client with IP address '203.0.113.9' is not allowed to connect to this MariaDB server.", refused.Stderr, StringComparison.Ordinal);

        // A server created after the listener's first logins is found: the firewall (9000), not routing (9002), refuses.
        Assert.Equal(0, (await RunAsync("server", "create", "-n", "adventure", "-l", "eastus", "-u", "advadmin", "-p", "Adventure!2026", "--gateway", silo.Gateway)).ExitCode);
        var created = await Mariadb("-h", "127.0.0.1", "-P", port, "-u", "advadmin@adventure", "-pAdventure!2026", $"--ssl-ca={ca}", "-e", "SELECT 1");
        Assert.Contains("ERROR 9000 (HY000)", created.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_on_a_remote_address_stops_the_silo_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["FleetSim__Wire__Listeners__0__Endpoint"] = "192.0.2.10:3306",
            ["FleetSim__Wire__Listeners__0__Gateway"] = "40.71.8.203",
            ["FleetSim__Wire__Listeners__0__Source__Ip"] = "203.0.113.9",
        }));

        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("FleetSim:Wire:Listeners:0:Endpoint: 192.0.2.10:3306 is not a loopback address", error.Message, StringComparison.Ordinal);
    }

    private static async Task<Run> Mariadb(params string[] args)
    {
        var start = new ProcessStartInfo("mariadb") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}

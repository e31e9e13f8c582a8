using System.Net;
using System.Net.Sockets;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim serve` refuses what it cannot serve with exit code 2 and a message naming the culprit, and opens nothing.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeBadInputTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("fleetsim-serve-bad-").FullName;

    private static string EndpointsFile => Path.Combine(Folder, $"endpoints-{Guid.NewGuid():N}.json");

    private static Task<Run> Serve(string endpoints, params string[] args) =>
        RunAsync(["serve", .. args, "--endpoints-file", endpoints, "--data", Path.Combine(Folder, "data")]);

    [Fact]
    public async Task A_taken_port_stops_serve_with_exit_code_2_naming_it()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var endpoints = EndpointsFile;

        var run = await Serve(endpoints, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: cannot listen on 127.0.0.1:{port}: the port is taken", run.Stderr, StringComparison.Ordinal);
        // The endpoints file promises listeners that accept: none is written when one cannot.
        Assert.False(File.Exists(endpoints));
    }

    [Fact]
    public async Task A_listener_on_a_non_loopback_address_needs_allow_remote()
    {
        var listeners = TempFile("listeners.json", """[{"endpoint": "192.0.2.10:3306", "gateway": "40.71.8.203", "source": {"ip": "203.0.113.9"}}]""");
        var endpoints = EndpointsFile;

        var run = await Serve(endpoints, "--listeners", listeners);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {listeners}: listeners[0].endpoint: 192.0.2.10:3306 is not a loopback address; listeners bind loopback only unless --allow-remote is given",
            run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(endpoints));
    }

    [Fact]
    public async Task A_malformed_listeners_file_stops_serve_with_exit_code_2_naming_the_file()
    {
        var listeners = TempFile("listeners.json", """[{"endpoint": "127.0.0.1:0", "gateway": """);
        var endpoints = EndpointsFile;

        var run = await Serve(endpoints, "--listeners", listeners);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {listeners}: not JSON", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(endpoints));
    }

    [Fact]
    public async Task A_listener_without_its_gateway_and_source_is_refused_naming_each_missing_field()
    {
        var listeners = TempFile("listeners.json", """[{"endpoint": "127.0.0.1:0"}]""");

        var run = await Serve(EndpointsFile, "--listeners", listeners);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {listeners}: listeners[0].gateway: required", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"error: {listeners}: listeners[0].source: required", run.Stderr, StringComparison.Ordinal);
    }
}

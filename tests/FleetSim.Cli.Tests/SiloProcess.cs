using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FleetSim.Cli.Tests;

/// <summary>A real FleetSim.Silo process on free loopback ports, with its data in a folder of its own.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, int gatewayPort, string folder, string dashboard)
    {
        _process = process;
        GatewayPort = gatewayPort;
        Folder = folder;
        DashboardUrl = dashboard + "/dashboard/";
    }

    public string DashboardUrl { get; }

    public int GatewayPort { get; }

    public string Folder { get; }

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>The silo host's own build output, in the configuration these tests were built in.</summary>
    private static string SiloFolder { get; } = Path.Combine(Fleetsim.Repository, "src", "FleetSim.Silo", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0");

    /// <summary>Starts a silo; with <paramref name="folder"/> it reuses an earlier silo's data (a restart).</summary>
    public static async Task<SiloProcess> StartAsync(string? folder = null, int? gatewayPort = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        folder ??= Directory.CreateTempSubdirectory("fleetsim-silo-test-").FullName;
        var port = gatewayPort ?? FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(SiloFolder, "FleetSim.Silo.dll"));
        start.Environment["FLEETSIM_SILO_CONFIG"] = Path.Combine(SiloFolder, "silo.json");
        start.Environment["Orleans__Endpoints__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__Endpoints__GatewayPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dashboard = $"http://127.0.0.1:{FreePort()}";
        start.Environment["FleetSim__Dashboard__Urls"] = dashboard;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, port, folder, dashboard);
        for (var waited = 0; waited < 600; waited++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the silo exited with code {process.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return silo;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await silo.DisposeAsync();
        throw new TimeoutException("the silo did not open its gateway port within a minute");
    }

    /// <summary>SIGKILL: no graceful stop, no flush, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

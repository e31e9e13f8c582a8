using System.Diagnostics;
using System.Globalization;

namespace FleetSim.Hosting.Processes;

/// <summary>
/// A real FleetSim.Silo process on this machine, on free loopback ports, working in a folder of its
/// own (its data/ holds the SQLite stores and key file). Environment overrides configure it as
/// silo.json's keys would: Redis clustering, cluster id, audit durability, dashboard off.
/// </summary>
public sealed class LocalSiloProcess : IAsyncDisposable
{
    public const string AssemblyName = "FleetSim.Silo.dll";

    // A silo under a busy machine's load takes a while to start; a minute means it never will.
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly OutputTail _output;

    private LocalSiloProcess(Process process, OutputTail output, string folder, int siloPort, int gatewayPort, string dashboard)
    {
        _process = process;
        _output = output;
        Folder = folder;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        DashboardUrl = dashboard + "/dashboard/";
    }

    /// <summary>The working folder: relative paths of silo.json (data/...) are under it.</summary>
    public string Folder { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>Where the Orleans Dashboard is, when it is enabled (it is unless FleetSim__Dashboard__Enabled=false).</summary>
    public string DashboardUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts a silo and returns once its gateway accepts connections.</summary>
    /// <param name="buildFolder">The silo's build output (see <see cref="SiloBuild"/>); its silo.json is the base configuration.</param>
    /// <param name="folder">The working folder; an earlier silo's folder restarts with its data.</param>
    /// <param name="gatewayPort">A fixed gateway port (a restart that clients find again); by default a free one.</param>
    /// <param name="environment">Overrides of silo.json's keys, e.g. Orleans__ClusterId.</param>
    /// <param name="cancellationToken">Stops waiting (and the process).</param>
    /// <exception cref="InvalidOperationException">The silo exited while starting; the message holds its last output.</exception>
    /// <exception cref="TimeoutException">Its gateway did not open within a minute.</exception>
    public static async Task<LocalSiloProcess> StartAsync(string buildFolder, string folder, int? gatewayPort = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var (siloPort, gateway, dashboard) = (LoopbackPorts.Free(), gatewayPort ?? LoopbackPorts.Free(), $"http://127.0.0.1:{LoopbackPorts.Free()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(buildFolder, AssemblyName));
        start.Environment["FLEETSIM_SILO_CONFIG"] = Path.Combine(buildFolder, "silo.json");
        start.Environment["Orleans__Endpoints__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__Endpoints__GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture);
        start.Environment["FleetSim__Dashboard__Urls"] = dashboard;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = Process.Start(start)!;
        var silo = new LocalSiloProcess(process, OutputTail.Follow(process), folder, siloPort, gateway, dashboard);
        try
        {
            if (!await LoopbackPorts.WaitForListenerAsync(gateway, () => process.HasExited, StartPatience, cancellationToken))
                throw new InvalidOperationException($"the silo exited with code {process.ExitCode} while starting:{Environment.NewLine}{silo._output}");
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no graceful stop, no flush, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Kills the silo if it still runs: whoever needs a graceful stop must ask for it first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private bool _disposed;
}

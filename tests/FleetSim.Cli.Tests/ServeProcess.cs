using System.Diagnostics;
using System.Globalization;
using FleetSim.Hosting.Processes;

namespace FleetSim.Cli.Tests;

/// <summary>
/// A real `fleetsim serve` process, as a user starts it: on free ports, with its endpoints file and
/// TLS data in a fresh temporary folder. It is ready once its endpoints file exists, which serve
/// writes only when the fleet is provisioned and every listener accepts.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    // Guards, not assertions: a serve that is not up after this on a busy machine never will be.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly OutputTail _output;

    private ServeProcess(Process process, OutputTail output, string folder, IReadOnlyList<ServeListener> listeners)
    {
        (_process, _output, Folder, Listeners) = (process, output, folder, listeners);
    }

    /// <summary>Where its endpoints file and data (tls/ca.pem) are.</summary>
    public string Folder { get; }

    public IReadOnlyList<ServeListener> Listeners { get; }

    /// <summary>The generated CA, for the client's --ssl-ca.</summary>
    public string CaPath => Path.Combine(Folder, "data", "tls", "ca.pem");

    /// <summary>What serve printed so far (its listener table, then whatever it says on stopping).</summary>
    public string Output => _output.ToString();

    /// <summary>The only opened listener of <paramref name="gateway"/> that <paramref name="matches"/>.</summary>
    public ServeListener Listener(string gateway, Func<ServeListener, bool>? matches = null) =>
        Listeners.Single(l => l.Gateway == gateway && (matches?.Invoke(l) ?? true));

    /// <param name="args">The command line after `fleetsim serve`; --port 0, --endpoints-file and --data are added.</param>
    /// <exception cref="InvalidOperationException">serve exited while starting; the message holds its output.</exception>
    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-serve-test-").FullName;
        var endpoints = Path.Combine(folder, "endpoints.json");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Fleetsim.Repository,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "fleetsim.dll"), "serve", .. args,
            "--port", "0", "--endpoints-file", endpoints, "--data", Path.Combine(folder, "data")])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var output = OutputTail.Follow(process, capacity: 200);
        try
        {
            using var patience = new CancellationTokenSource(Patience);
            while (!File.Exists(endpoints))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"serve exited with code {process.ExitCode} while starting:{Environment.NewLine}{output}");
                await Task.Delay(100, patience.Token);
            }
            return new ServeProcess(process, output, folder, ServeListener.ReadAll(endpoints));
        }
        catch
        {
            Stop(process, "KILL");
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM (as a service manager or `docker stop` does) or SIGINT (Ctrl+C), and returns serve's exit code.</summary>
    public async Task<int> StopAsync(string signal = "TERM")
    {
        Stop(_process, signal);
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills serve if it still runs: a test that needs a graceful stop asks for it first.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop(_process, "KILL");
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Stop(Process process, string signal)
    {
        if (process.HasExited)
            return;
        if (signal == "KILL")
        {
            process.Kill(entireProcessTree: true);
            return;
        }
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

using System.Diagnostics;
using System.Globalization;

namespace FleetSim.Cli.Tests;

/// <summary>
/// A real `mariadb` client kept logged in: it reads statements from a standard input the test keeps
/// open, so its session stays on the server until the test lets it go.
/// </summary>
public sealed class HeldSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private HeldSession(Process process, Task<string> stderr, long connectionId) =>
        (_process, _stderr, ConnectionId) = (process, stderr, connectionId);

    /// <summary>CONNECTION_ID() of the session, as the server numbered it.</summary>
    public long ConnectionId { get; }

    /// <summary>Starts the client and returns once its session answers a query, so it is surely open on the server.</summary>
    public static async Task<HeldSession> StartAsync(ProcessStartInfo start)
    {
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("SELECT CONNECTION_ID();");
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync();
        if (line is null || !long.TryParse(line.Trim(), CultureInfo.InvariantCulture, out var id))
        {
            await process.WaitForExitAsync();
            var error = await stderr;
            process.Dispose();
            throw new InvalidOperationException($"the held session did not log in: {line}{error}");
        }
        return new HeldSession(process, stderr, id);
    }

    /// <summary>Ends the client's input, so it quits and its session closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        await _stderr;
        _process.Dispose();
    }
}

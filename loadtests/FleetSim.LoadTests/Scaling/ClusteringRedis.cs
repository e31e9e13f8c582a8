using System.Diagnostics;
using FleetSim.Hosting.Processes;

namespace FleetSim.LoadTests.Scaling;

/// <summary>
/// The Redis that keeps the silos' membership: the one named (--redis, else FLEETSIM_TEST_REDIS),
/// or a redis-server of our own on a free loopback port, writing nothing to disk, stopped at the end.
/// </summary>
public sealed class ClusteringRedis : IAsyncDisposable
{
    public const string EnvironmentVariable = "FLEETSIM_TEST_REDIS";

    private readonly Process? _ownServer;

    private ClusteringRedis(string endpoint, Process? ownServer)
    {
        Endpoint = endpoint;
        _ownServer = ownServer;
    }

    /// <summary>host:port, as Orleans' Redis clustering takes it.</summary>
    public string Endpoint { get; }

    /// <summary>Whether this run started the server (and stops it).</summary>
    public bool Started => _ownServer is not null;

    /// <summary>Whether the named Redis accepts connections: found out before any measurement, not by a silo failing later.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var colon = Endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(Endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port))
            return false;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            await probe.ConnectAsync(Endpoint[..colon], port, patience.Token);
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <returns>Null when none is named and redis-server is not installed.</returns>
    public static async Task<ClusteringRedis?> FindOrStartAsync(string? named, CancellationToken cancellationToken)
    {
        if ((named ?? Environment.GetEnvironmentVariable(EnvironmentVariable)) is { Length: > 0 } endpoint)
            return new ClusteringRedis(endpoint, null);
        if (FindOnPath("redis-server") is not { } program)
            return null;

        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var output = OutputTail.Follow(process);
        var redis = new ClusteringRedis($"127.0.0.1:{port}", process);
        try
        {
            if (!await LoopbackPorts.WaitForListenerAsync(port, () => process.HasExited, TimeSpan.FromSeconds(10), cancellationToken))
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}:{Environment.NewLine}{output}");
            return redis;
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownServer is null)
            return;
        if (!_ownServer.HasExited)
            _ownServer.Kill();
        await _ownServer.WaitForExitAsync();
        _ownServer.Dispose();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

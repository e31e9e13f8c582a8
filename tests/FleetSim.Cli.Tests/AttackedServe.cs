namespace FleetSim.Cli.Tests;

/// <summary>
/// A `fleetsim serve --store` of the threats fleet (default detection settings) that one session
/// is logged in to while thirty real logins with a wrong password arrive from the same listener,
/// then is stopped with SIGTERM with that session still open. The store it leaves is read back with
/// `fleetsim audit` and `fleetsim alerts`, as a user would after such a demo.
/// </summary>
public sealed class AttackedServe : IAsyncLifetime
{
    public const int FailedLogins = 30;

    public string Store { get; } = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-serve-store-").FullName, "audit.db");

    /// <summary>The session open when serve was stopped.</summary>
    public long HeldConnectionId { get; private set; }

    public IReadOnlyList<MariaDbClient.Run> Attempts { get; private set; } = [];

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await using var serve = await ServeProcess.StartAsync(ServeFleets.ThreatsWithDefaultDetection(), "--store", Store);
        var listener = serve.Listeners.Single().Port;
        var held = await MariaDbClient.HoldAsync(serve, listener, "app@contoso", "Sh0p!2026");
        await using (held)
        {
            HeldConnectionId = held.ConnectionId;
            var attempts = new List<MariaDbClient.Run>();
            for (var i = 0; i < FailedLogins; i++)
                attempts.Add(await MariaDbClient.RunAsync(serve, listener, "dbadmin@contoso", $"guess-{i}", "SELECT 1"));
            Attempts = attempts;
            ExitCode = await serve.StopAsync();
            Output = serve.Output;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>
/// When a server takes a backup snapshot. What a restore brings back (configuration and
/// accounts) is snapshotted whenever it changes, stamped with when the change was made, so
/// point-in-time restore finds the state in force at any moment. A snapshot that could not be
/// taken is tried again each period until one is. A server that did not change takes none: it
/// would only repeat the last, so an idle server runs no backup timer.
/// </summary>
/// <param name="take">Takes a snapshot of what is in force now, stamped with the time given.</param>
/// <param name="retryLater">Asks for <see cref="Retry"/> one period from now.</param>
internal sealed class BackupSchedule(string server, TimeProvider clock, Func<DateTimeOffset, Task> take, Action retryLater, ILogger logger)
{
    /// <summary>[FleetSim rule] A snapshot that failed is tried again this long after, as the service backs up on a schedule.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromHours(1);

    private DateTimeOffset _changedAt;

    /// <summary>True while a change is in no snapshot yet.</summary>
    public bool Pending { get; private set; }

    /// <summary>What a restore brings back has changed: a snapshot is taken now. A failure reaches the caller, and is retried.</summary>
    public async Task Changed()
    {
        (Pending, _changedAt) = (true, clock.GetUtcNow());
        await Take();
    }

    /// <summary>The retry's work: takes the pending snapshot if there is one; a failure is logged and retried again.</summary>
    public async Task<bool> Retry()
    {
        try
        {
            await Take();
        }
        catch (Exception e)
        {
            ServerLog.BackupFailed(logger, e, server);
        }
        return false;
    }

    /// <summary>The server is gone: nothing is left to back up (its backups outlive it).</summary>
    public void Stop() => Pending = false;

    private async Task Take()
    {
        if (!Pending)
            return;
        try
        {
            await take(_changedAt);
            Pending = false;
        }
        finally
        {
            if (Pending)
                retryLater();
        }
    }
}

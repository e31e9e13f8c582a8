namespace FleetSim.Contracts.Decisions;

/// <summary>
/// Where the live decision feeds of a cluster's silos meet the pages that watch them (one for the
/// cluster, key <see cref="Key"/>). Silos ask it every few seconds whether anyone watches, and
/// only then send batches of their decisions, so a cluster nobody watches makes no call per decision.
/// </summary>
public interface IDecisionHubGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Sends <paramref name="watcher"/> every batch from now on, until it stops renewing: call again before <see cref="DecisionHub.WatchExpiry"/> passes.</summary>
    Task Watch(IDecisionWatcher watcher);

    /// <summary>Stops sending to <paramref name="watcher"/>.</summary>
    Task Unwatch(IDecisionWatcher watcher);

    /// <summary>Whether any watcher is registered: a silo's feed sends batches only while one is.</summary>
    Task<bool> Watched();

    /// <summary>A silo's decisions since its previous batch, passed on to every watcher.</summary>
    [Orleans.Concurrency.OneWay]
    Task Publish(DecisionBatch batch);
}

/// <summary>How often the parties of the live feed talk: the numbers both sides agree on.</summary>
public static class DecisionHub
{
    /// <summary>A watcher not renewed for this long is dropped (a page that went away without saying).</summary>
    public static readonly TimeSpan WatchExpiry = TimeSpan.FromMinutes(1);

    /// <summary>How often a page renews its watch.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    /// <summary>How often a silo asks whether anyone watches.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    /// <summary>How often a watched silo sends what it saw.</summary>
    public static readonly TimeSpan BatchEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>At most this many decision lines per batch: the rest are only counted.</summary>
    public const int LinesPerBatch = 32;
}

namespace FleetSim.Contracts.Decisions;

/// <summary>A page (or any client) watching the cluster's live decisions through <see cref="IDecisionHubGrain"/>.</summary>
public interface IDecisionWatcher : IGrainObserver
{
    /// <summary>One silo's batch: a sample of its decisions and the exact counts since its previous batch.</summary>
    [Orleans.Concurrency.OneWay]
    Task Receive(DecisionBatch batch);
}

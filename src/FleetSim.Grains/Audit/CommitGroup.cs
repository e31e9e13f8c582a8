using FleetSim.Contracts.Audit;

namespace FleetSim.Grains.Audit;

/// <summary>
/// The batches that will go to the store in one write, and the promise their senders wait on:
/// everyone who joined before the write started learns its outcome together.
/// </summary>
internal sealed class CommitGroup
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AuditBuffer Batches { get; } = new();

    public Task Written => _written.Task;

    public void Add(AuditBatch batch) => Batches.Add(batch);

    public void Succeed() => _written.TrySetResult();

    public void Fail(Exception error) => _written.TrySetException(error);
}

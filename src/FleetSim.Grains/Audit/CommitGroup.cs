using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Audit;

/// <summary>
/// The batches that will go to the store in one write, and the promise their senders wait on:
/// everyone who joined before the write started learns its outcome together.
/// </summary>
internal sealed class CommitGroup
{
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<AuditRecord> Records { get; } = [];

    public List<GatewayLogRecord> Decisions { get; } = [];

    public List<SecurityAlert> Alerts { get; } = [];

    public Task Written => _written.Task;

    public void Add(AuditBatch batch)
    {
        Records.AddRange(batch.Records);
        Decisions.AddRange(batch.GatewayDecisions);
        Alerts.AddRange(batch.Alerts);
    }

    public void Succeed() => _written.TrySetResult();

    public void Fail(Exception error) => _written.TrySetException(error);
}

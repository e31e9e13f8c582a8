using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Audit;

/// <summary>
/// Audit records, gateway decisions and alerts waiting to travel on together, as one batch: the
/// one buffer behind a grain's outbox, a sink's write buffer and a sink's commit group. A batch
/// that could not be delivered is put back in front of what arrived since, so nothing accepted is
/// dropped and order is kept.
/// </summary>
internal sealed class AuditBuffer
{
    private List<AuditRecord> _records = [];
    private List<GatewayLogRecord> _decisions = [];
    private List<SecurityAlert> _alerts = [];

    public int Count => _records.Count + _decisions.Count + _alerts.Count;

    public void Add(AuditRecord record) => _records.Add(record);

    public void Add(GatewayLogRecord decision) => _decisions.Add(decision);

    public void Add(IReadOnlyList<SecurityAlert> alerts) => _alerts.AddRange(alerts);

    public void Add(AuditBatch batch)
    {
        _records.AddRange(batch.Records);
        _decisions.AddRange(batch.GatewayDecisions);
        _alerts.AddRange(batch.Alerts);
    }

    /// <summary>Everything buffered, as one batch; what arrives while it is in flight goes into the next.</summary>
    public AuditBatch Take()
    {
        var batch = new AuditBatch(_records, _decisions, _alerts);
        (_records, _decisions, _alerts) = ([], [], []);
        return batch;
    }

    /// <summary>A taken batch that did not arrive goes back ahead of what was added since.</summary>
    public void PutBack(AuditBatch batch)
    {
        _records.InsertRange(0, batch.Records);
        _decisions.InsertRange(0, batch.GatewayDecisions);
        _alerts.InsertRange(0, batch.Alerts);
    }
}

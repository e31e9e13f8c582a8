using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Audit;

/// <summary>
/// A grain's buffer of audit records, gateway decisions and alerts, sent to its sink shard as one
/// batch: on a timer, when it fills, and when the grain deactivates. Records leave the buffer
/// only after the sink has accepted them, so a failed send is retried, not dropped.
/// </summary>
internal sealed class AuditOutbox
{
    /// <summary>A batch this large is sent at once instead of waiting for the timer.</summary>
    public const int FlushThreshold = 256;

    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(200);

    private List<AuditRecord> _records = [];
    private List<GatewayLogRecord> _decisions = [];
    private List<SecurityAlert> _alerts = [];

    public int Count => _records.Count + _decisions.Count + _alerts.Count;

    public bool IsFull => Count >= FlushThreshold;

    public void Add(AuditRecord? record)
    {
        if (record is not null)
            _records.Add(record);
    }

    public void Add(GatewayLogRecord decision) => _decisions.Add(decision);

    public void Add(IReadOnlyList<SecurityAlert> alerts)
    {
        if (alerts.Count > 0)
            _alerts.AddRange(alerts);
    }

    public async Task FlushTo(IAuditSinkGrain sink)
    {
        if (Count == 0)
            return;
        // Swap the buffers first: records added while the batch is in flight go to the next one.
        var batch = new AuditBatch(_records, _decisions, _alerts);
        (_records, _decisions, _alerts) = ([], [], []);
        try
        {
            await sink.Append(batch);
        }
        catch
        {
            _records.InsertRange(0, batch.Records);
            _decisions.InsertRange(0, batch.GatewayDecisions);
            _alerts.InsertRange(0, batch.Alerts);
            throw;
        }
    }
}

using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Audit;

/// <summary>
/// A grain's buffer of audit records, gateway decisions and alerts, sent to its sink shard as one
/// batch: on a timer, when it fills, and when the grain deactivates. Records leave the buffer
/// only after the sink has accepted them, so a failed send is retried, not dropped. Under
/// acknowledged durability the grain commits the buffer at the end of every call instead.
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

    /// <summary>
    /// Audit records and gateway decisions ever added: what a call added is what its client is
    /// told the fleet logged for it, so a run can reconcile the store against its clients.
    /// </summary>
    public long Logged { get; private set; }

    public bool IsFull => Count >= FlushThreshold;

    public void Add(AuditRecord? record)
    {
        if (record is null)
            return;
        _records.Add(record);
        Logged++;
    }

    public void Add(GatewayLogRecord decision)
    {
        _decisions.Add(decision);
        Logged++;
    }

    public void Add(IReadOnlyList<SecurityAlert> alerts)
    {
        if (alerts.Count > 0)
            _alerts.AddRange(alerts);
    }

    /// <summary>Hands the buffer to the sink, which writes it with its next batch.</summary>
    public Task FlushTo(IAuditSinkGrain sink) => Send(sink, durable: false);

    /// <summary>Returns once the buffer is in the store (group-committed by the sink).</summary>
    public Task CommitTo(IAuditSinkGrain sink) => Send(sink, durable: true);

    private async Task Send(IAuditSinkGrain sink, bool durable)
    {
        if (Count == 0)
            return;
        // Swap the buffers first: records added while the batch is in flight go to the next one.
        var batch = new AuditBatch(_records, _decisions, _alerts);
        (_records, _decisions, _alerts) = ([], [], []);
        try
        {
            await (durable ? sink.Commit(batch) : sink.Append(batch));
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

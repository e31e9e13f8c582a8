using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Audit;

/// <summary>
/// A grain's buffer of audit records, gateway decisions and alerts, sent to its sink shard as one
/// batch. At the end of each call the grain delivers it: under acknowledged durability committed
/// before the caller hears back, under batched durability sent when full; whatever is left goes
/// on a timer that runs only while records wait, and when the grain deactivates. Records leave
/// the buffer only after the sink has accepted them, so a failed send is retried, not dropped.
/// </summary>
internal sealed class AuditOutbox : IAuditOutbox
{
    /// <summary>A batch this large is sent at once instead of waiting for the timer.</summary>
    public const int FlushThreshold = 256;

    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(200);

    private readonly AuditBuffer _buffer = new();
    private readonly IGrainBase _grain;
    private readonly Func<IAuditSinkGrain?> _sink;
    private readonly AuditDurability _durability;
    private readonly ILogger _logger;
    private readonly OnDemandTimer _timer;

    /// <param name="sink">The grain's sink shard; null while the grain does not know its region yet.</param>
    public AuditOutbox(IGrainBase grain, Func<IAuditSinkGrain?> sink, AuditDurability durability, ILogger logger, bool interleave = false)
    {
        (_grain, _sink, _durability, _logger) = (grain, sink, durability, logger);
        _timer = new OnDemandTimer(grain, FlushOnTimer, FlushPeriod, interleave);
    }

    public int Count => _buffer.Count;

    /// <summary>
    /// Audit records and gateway decisions ever added: what a call added is what its client is
    /// told the fleet logged for it, so a run can reconcile the store against its clients.
    /// </summary>
    public long Logged { get; private set; }

    public void Add(AuditRecord? record)
    {
        if (record is null)
            return;
        _buffer.Add(record);
        Logged++;
    }

    public void Add(GatewayLogRecord decision)
    {
        _buffer.Add(decision);
        Logged++;
    }

    public void Add(IReadOnlyList<SecurityAlert> alerts)
    {
        if (alerts.Count > 0)
            _buffer.Add(alerts);
    }

    /// <summary>At the end of a call: committed (acknowledged) or sent when full (batched); the rest waits for the timer.</summary>
    public async Task Deliver()
    {
        try
        {
            if (_durability == AuditDurability.Acknowledged)
                await Send(durable: true);
            else if (Count >= FlushThreshold)
                await Send(durable: false);
        }
        finally
        {
            if (Count > 0)
                _timer.Arm();
        }
    }

    /// <summary>Hands the buffer to the sink, which writes it with its next batch.</summary>
    public Task Flush() => Send(durable: false);

    private async Task<bool> FlushOnTimer()
    {
        try
        {
            await Flush();
        }
        catch (Exception e)
        {
            AuditLog.DeliveryFailed(_logger, e, _grain.GrainContext.GrainId, Count);
        }
        return Count > 0;
    }

    private async Task Send(bool durable)
    {
        if (Count == 0 || _sink() is not { } sink)
            return;
        var batch = _buffer.Take();
        try
        {
            await (durable ? sink.Commit(batch) : sink.Append(batch));
        }
        catch
        {
            _buffer.PutBack(batch);
            throw;
        }
    }
}

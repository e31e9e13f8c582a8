using FleetSim.AuditStore;
using FleetSim.Contracts.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace FleetSim.Grains.Audit;

/// <summary>
/// One shard of the audit pipeline. Batches from many servers and gateways are merged and written
/// to the store in larger transactions. Flushes interleave with appends, and callers of Flush
/// join a write already in progress instead of starting another. Committed batches (acknowledged
/// durability) skip the buffer: while one group is being written, the next one gathers.
/// </summary>
[Reentrant]
public sealed class AuditSinkGrain(IAuditStore store, ILogger<AuditSinkGrain> logger) : Grain, IAuditSinkGrain
{
    /// <summary>Buffered records past this are written at once rather than on the timer.</summary>
    private const int WriteThreshold = 4096;

    private static readonly TimeSpan WritePeriod = TimeSpan.FromMilliseconds(500);

    private List<AuditRecord> _records = [];
    private List<GatewayLogRecord> _decisions = [];
    private List<SecurityAlert> _alerts = [];
    private Task? _writing;
    private CommitGroup? _gathering;
    private Task? _committing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(WritePeriod, WritePeriod) { Interleave = true });
        return Task.CompletedTask;
    }

    public async Task Append(AuditBatch batch)
    {
        _records.AddRange(batch.Records);
        _decisions.AddRange(batch.GatewayDecisions);
        _alerts.AddRange(batch.Alerts);
        if (_records.Count + _decisions.Count + _alerts.Count >= WriteThreshold)
            await Flush();
    }

    public Task Commit(AuditBatch batch)
    {
        var group = _gathering ??= new CommitGroup();
        group.Add(batch);
        if (_committing is null || _committing.IsCompleted)
            _committing = CommitGathered();
        return group.Written;
    }

    // Group commit: each write takes every batch that arrived while the previous one ran, so under
    // load one store transaction acknowledges many connections at once.
    private async Task CommitGathered()
    {
        while (_gathering is { } group)
        {
            _gathering = null;
            try
            {
                await Task.Run(() => store.AppendAsync(group.Records, group.Decisions, group.Alerts));
                group.Succeed();
            }
            catch (Exception e)
            {
                // Each sender learns its batch failed and keeps it for its next attempt.
                logger.LogWarning(e, "Audit sink {Sink} could not commit {Count} records", this.GetPrimaryKeyString(), group.Records.Count + group.Decisions.Count + group.Alerts.Count);
                group.Fail(e);
            }
        }
    }

    public async Task Flush()
    {
        // Wait for a write in progress, then write whatever arrived meanwhile: when Flush returns,
        // everything appended before the call is in the store.
        while (_writing is not null)
            await _writing;
        if (_records.Count + _decisions.Count + _alerts.Count == 0)
            return;
        var (records, decisions, alerts) = (_records, _decisions, _alerts);
        (_records, _decisions, _alerts) = ([], [], []);
        _writing = Write(records, decisions, alerts);
        try
        {
            await _writing;
        }
        finally
        {
            _writing = null;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_committing is not null)
            await _committing;
        await Flush();
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Audit sink {Sink} flushed on deactivation ({Reason})", this.GetPrimaryKeyString(), reason.Description);
    }

    private async Task Write(List<AuditRecord> records, List<GatewayLogRecord> decisions, List<SecurityAlert> alerts)
    {
        try
        {
            // SQLite writes synchronously: off the grain scheduler, so a long batch blocks no turns.
            await Task.Run(() => store.AppendAsync(records, decisions, alerts));
        }
        catch
        {
            // Keep them for the next attempt: an accepted record is never dropped.
            _records.InsertRange(0, records);
            _decisions.InsertRange(0, decisions);
            _alerts.InsertRange(0, alerts);
            throw;
        }
    }
}

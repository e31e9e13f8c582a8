using FleetSim.AuditStore;
using FleetSim.Contracts.Audit;
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

    private readonly AuditBuffer _buffer = new();
    private OnDemandTimer _writer = null!;
    private Task? _writing;
    private CommitGroup? _gathering;
    private Task? _committing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The write timer runs only while appended records wait, so an idle sink does not tick.
        _writer = new OnDemandTimer(this, WriteOnTimer, WritePeriod, interleave: true);
        return Task.CompletedTask;
    }

    public async Task Append(AuditBatch batch)
    {
        _buffer.Add(batch);
        try
        {
            if (_buffer.Count >= WriteThreshold)
                await Flush();
        }
        finally
        {
            if (_buffer.Count > 0)
                _writer.Arm();
        }
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
            var batch = group.Batches.Take();
            try
            {
                await Store(batch);
                group.Succeed();
            }
            catch (Exception e)
            {
                // Each sender learns its batch failed and keeps it for its next attempt.
                AuditLog.SinkCommitFailed(logger, e, GrainContext.GrainId, batch.Count);
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
        if (_buffer.Count == 0)
            return;
        _writing = Write(_buffer.Take());
        try
        {
            await _writing;
        }
        finally
        {
            _writing = null;
        }
    }

    private async Task<bool> WriteOnTimer()
    {
        try
        {
            await Flush();
        }
        catch (Exception)
        {
            // Already logged by Write; the records are back in the buffer for the next tick.
        }
        return _buffer.Count > 0;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_committing is not null)
            await _committing;
        await Flush();
        AuditLog.SinkFlushedOnDeactivation(logger, GrainContext.GrainId, reason.Description);
    }

    private async Task Write(AuditBatch batch)
    {
        try
        {
            await Store(batch);
        }
        catch (Exception e)
        {
            // Keep them for the next attempt: an accepted record is never dropped.
            AuditLog.SinkWriteFailed(logger, e, GrainContext.GrainId, batch.Count);
            _buffer.PutBack(batch);
            throw;
        }
    }

    // SQLite writes synchronously: off the grain scheduler, so a long batch blocks no turns.
    private Task Store(AuditBatch batch) =>
        Task.Run(() => store.AppendAsync(batch.Records, batch.GatewayDecisions, batch.Alerts));
}

using FleetSim.Contracts.Fleet;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace FleetSim.Grains.Audit;

/// <summary>
/// When a silo stops gracefully, pushes every buffered audit record to the store while grains can
/// still call each other: the Active stage stops before any grain is deactivated, and once grains
/// deactivate, a sink on a stopping silo can no longer be reached.
/// </summary>
internal sealed class AuditFlushOnShutdown(IGrainFactory grains, ILogger<AuditFlushOnShutdown> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AuditFlushOnShutdown), ServiceLifecycleStage.Active, _ => Task.CompletedTask, FlushAsync);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).FlushAudit().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Outboxes and sinks still flush as they deactivate; say that this pass failed.
            logger.LogWarning(e, "Flushing the audit pipeline before shutdown failed");
        }
    }
}

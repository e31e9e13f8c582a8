using FleetSim.AuditStore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetSim.Grains.Audit;

/// <summary>
/// Opens the audit store first thing as the silo starts, before it listens or runs any grain. Opened lazily by the first
/// audit sink instead, a Redis store's connection handshake would block grain threads under full
/// load, and every sink activating meanwhile would wait or time out in turn; and a store that
/// cannot be opened should stop the silo at start, saying where, not fail sinks later.
/// </summary>
internal sealed class AuditStoreOnStart(IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AuditStoreOnStart), ServiceLifecycleStage.First, _ =>
        {
            services.GetRequiredService<IAuditStore>();
            return Task.CompletedTask;
        });
}

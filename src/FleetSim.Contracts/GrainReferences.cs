using System.Collections.Concurrent;

namespace FleetSim.Contracts;

/// <summary>
/// References to grains of one interface, made once per key. Orleans' GetGrain resolves the
/// interface's grain type by reading its custom attributes again on every call, which allocates
/// and cost about 3% of a connection's CPU (and more in garbage collection) when a connection made
/// five of them. A reference is immutable and stays valid while the grain is deactivated and
/// reactivated, so it is kept. Keys are the fleet's names and addresses: bounded by the fleet.
/// </summary>
public sealed class GrainReferences<TGrain>(IGrainFactory grains) where TGrain : IGrainWithStringKey
{
    private readonly ConcurrentDictionary<string, TGrain> _references = new(StringComparer.Ordinal);

    public TGrain this[string key] =>
        _references.TryGetValue(key, out var reference) ? reference : _references.GetOrAdd(key, grains.GetGrain<TGrain>(key));
}

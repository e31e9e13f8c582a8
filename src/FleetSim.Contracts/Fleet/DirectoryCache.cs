using FleetSim.Policy.Routing;
using Orleans;

namespace FleetSim.Contracts.Fleet;

/// <summary>
/// A per-process copy of the fleet directory, shared by every gateway activation in the silo (and
/// by clients for DNS). It asks the directory grain only when a caller has seen a newer version,
/// so the directory grain never sits on the connection path. It sits with the contracts because
/// silos and clients both keep one and it needs nothing but the directory grain's interface.
/// </summary>
public sealed class DirectoryCache(IGrainFactory grains) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Entry? _current;

    private sealed record Entry(long Version, FleetDirectory Directory);

    public long Version => _current?.Version ?? -1;

    public void Dispose() => _refresh.Dispose();

    public async ValueTask<FleetDirectory> Get(long atLeastVersion = 0)
    {
        var current = _current;
        if (current is not null && current.Version >= atLeastVersion)
            return current.Directory;
        await _refresh.WaitAsync();
        try
        {
            current = _current;
            if (current is not null && current.Version >= atLeastVersion)
                return current.Directory;
            var snapshot = await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).GetSnapshot(current?.Version ?? -1);
            if (snapshot is not null)
            {
                current = new Entry(snapshot.Version, new FleetDirectory(snapshot.Regions, snapshot.VirtualNetworks, snapshot.ServerRegions));
                _current = current;
            }
            return current!.Directory;
        }
        finally
        {
            _refresh.Release();
        }
    }
}

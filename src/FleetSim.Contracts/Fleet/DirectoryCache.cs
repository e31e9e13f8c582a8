using FleetSim.Policy.Decisions;
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
    /// <summary>How often a process may ask for a newer snapshot unprompted (see <see cref="Recheck"/>).</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Entry? _current;
    private long _lastRecheck;

    private sealed record Entry(long Version, FleetDirectory Directory);

    public long Version => _current?.Version ?? -1;

    public void Dispose() => _refresh.Dispose();

    /// <summary>
    /// For a caller that found no server where one may have been created since (a wire client
    /// cannot say which fleet version it knows): asks the directory for a newer snapshot, at most
    /// once per <see cref="RecheckInterval"/> for the whole process, so that a stream of misspelled
    /// server names never puts the directory grain on the connection path.
    /// </summary>
    public ValueTask<FleetDirectory> Recheck()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastRecheck);
        if (now - last < (long)RecheckInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _lastRecheck, now, last) != last)
            return Get();
        return Get(Version + 1);
    }

    /// <summary>
    /// Routes an attempt at a gateway of <paramref name="directory"/>. When that copy knows no server of
    /// the name and the caller knows no fleet version (<paramref name="recheck"/>: a real client over
    /// the wire), the server is looked for once more in a newer copy, as often as <see cref="Recheck"/>
    /// allows. Returns the gateway as the copy that routed knows it.
    /// </summary>
    public async ValueTask<(GatewayAddress Gateway, Route? Route, Verdict? Denial)> Route(
        FleetDirectory directory, GatewayAddress gateway, ConnectionAttempt attempt, DecisionTrace? trace, bool recheck)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(gateway);
        var (route, denial) = GatewayRouting.Route(directory, gateway, attempt, trace);
        if (!recheck || denial?.Reason != ConnectionReason.ServerNotFound)
            return (gateway, route, denial);
        var newer = await Recheck();
        if (ReferenceEquals(newer, directory) || !newer.TryGetGateway(gateway.Ip, out var current))
            return (gateway, route, denial);
        var (again, refused) = GatewayRouting.Route(newer, current, attempt, trace: null);
        return (current, again, refused);
    }

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
                current = new Entry(snapshot.Version, new FleetDirectory(snapshot.Regions, snapshot.VirtualNetworks, snapshot.ServerRegions) { Model = snapshot.Model });
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

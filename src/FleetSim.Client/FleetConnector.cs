using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using Orleans;

namespace FleetSim.Client;

/// <summary>
/// What a MariaDB client library does, simulated: resolve the host (or dial a pinned address),
/// then talk to whichever regional gateway answers there. Servers are never called directly.
/// </summary>
public sealed class FleetConnector(IGrainFactory grains, DirectoryCache directoryCache)
{
    private readonly Contracts.GrainReferences<IGatewayGrain> _gateways = new(grains);
    private long _audited;

    /// <summary>
    /// Audit records and gateway log entries the fleet said it wrote for calls that returned here:
    /// after a run, the store should hold at least this many more than before it.
    /// </summary>
    public long Audited => Interlocked.Read(ref _audited);

    /// <param name="request">The login and where it comes from.</param>
    /// <param name="pinnedGatewayIp">An address the client dials instead of resolving the host.</param>
    /// <param name="directoryVersion">The fleet version the caller provisioned, so DNS sees it.</param>
    public async Task<ConnectResult> Connect(ConnectRequest request, string? pinnedGatewayIp = null, long directoryVersion = 0)
    {
        var trace = request.Explain ? new DecisionTrace() : null;
        var (gateway, refused) = await Dial(request.Host, request.User, pinnedGatewayIp, directoryVersion, trace);
        if (gateway is null)
            return refused!;

        var result = await _gateways[gateway]
            .Connect(request.DirectoryVersion == directoryCache.Version ? request : request with { DirectoryVersion = directoryCache.Version });
        Interlocked.Add(ref _audited, result.Audited);
        return trace is null ? result : result with
        {
            Trace = [.. TraceEntry.From(trace)!, .. result.Trace ?? []],
        };
    }

    /// <summary>
    /// The gateway address a client reaches: the host resolved by DNS, or the pinned address; else
    /// the client's own error (unknown host, nothing answering). Real clients over the wire
    /// protocol dial the listener of that address.
    /// </summary>
    public async ValueTask<(string? Gateway, ConnectResult? Refused)> Dial(string? host, string user, string? pinnedGatewayIp = null, long directoryVersion = 0, DecisionTrace? trace = null)
    {
        var directory = await directoryCache.Get(directoryVersion);
        Ipv4? pinned = pinnedGatewayIp is null ? null : Ipv4.Parse(pinnedGatewayIp);
        var (gateway, denial) = GatewayRouting.Resolve(directory, host, pinned, trace);
        if (gateway is not null)
            return (gateway.Text, null);
        return (null, new ConnectResult(denial!.Reason, denial.Code, denial.Message, null,
            GatewayRouting.SplitUser(user, host).Server, pinnedGatewayIp, 0, TraceEntry.From(trace)));
    }

    /// <summary>Runs a statement in a held connection, through the gateway that carries it; with <paramref name="modelled"/>, its modelled latency comes back too.</summary>
    public async Task<StatementResult> Execute(ConnectResult connection, string sql, DateTimeOffset? at = null, Contracts.Modelling.StatementArrival? modelled = null)
    {
        var result = await _gateways[connection.Gateway!].Execute(connection.Server!, connection.ConnectionId, sql, at, modelled);
        Interlocked.Add(ref _audited, result.Audited);
        return result;
    }

    /// <summary>Closes a held connection through the gateway that carries it.</summary>
    public async Task Disconnect(ConnectResult connection, DateTimeOffset? at = null) =>
        Interlocked.Add(ref _audited, await _gateways[connection.Gateway!].Disconnect(connection.Server!, connection.ConnectionId, at));
}

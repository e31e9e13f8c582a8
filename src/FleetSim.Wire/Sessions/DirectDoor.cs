using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Wire.Sessions;

/// <summary>
/// A direct endpoint, where the redirect policy sends clients: the login is routed here, by the
/// same policy code as the gateway's, and handed to the server grain without the gateway grain,
/// so the gateway's log never sees it.
/// </summary>
internal sealed class DirectDoor(IGrainFactory grains, DirectoryCache directoryCache, string gateway) : IFleetDoor
{
    private readonly Ipv4 _gateway = Ipv4.Parse(gateway);

    public async Task<ConnectResult> Connect(ConnectRequest request)
    {
        var directory = await directoryCache.Get();
        var server = GatewayRouting.SplitUser(request.User, request.Host).Server;
        if (!directory.TryGetGateway(_gateway, out var address))
            return Refused(Policy.Decisions.ConnectionErrors.GatewayUnreachable(gateway), server);
        // A real client knows no fleet version: a server created since this process's copy is looked for once more.
        var (_, route, denial) = await directoryCache.Route(directory, address, ConnectRequests.ToAttempt(request), trace: null, recheck: true);
        if (route is null)
            return Refused(denial!, server);
        return await grains.GetGrain<IServerGrain>(route.Server).Connect(ConnectRequests.ToRouted(request, route, gateway));
    }

    // A redirected client's statements are not modelled yet: this door has no gateway grain to join the legs.
    public Task<StatementResult> Execute(string server, long connectionId, string sql, Contracts.Modelling.StatementArrival? modelled = null) =>
        grains.GetGrain<IServerGrain>(server).Execute(connectionId, sql);

    public Task<int> Disconnect(string server, long connectionId) =>
        grains.GetGrain<IServerGrain>(server).Disconnect(connectionId);

    private ConnectResult Refused(Policy.Decisions.Verdict denial, string? server) =>
        new(denial.Reason, denial.Code, denial.Message, denial.Rule, server, gateway);
}

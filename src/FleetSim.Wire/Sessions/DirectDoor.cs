using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Wire.Sessions;

/// <summary>
/// A direct endpoint, where the redirect policy sends clients: the login is routed here, by the
/// same policy code as the gateway's, and handed to the server grain without the gateway grain,
/// so the gateway's log never sees it. With a fleet model, the login is modelled as a redirected
/// session's reconnect and its statements as a redirected session's, straight to the server.
/// </summary>
internal sealed class DirectDoor(IGrainFactory grains, DirectoryCache directoryCache, string gateway) : IFleetDoor
{
    private readonly Ipv4 _gateway = Ipv4.Parse(gateway);

    public bool Redirected => true;

    public async Task<ConnectResult> Connect(ConnectRequest request)
    {
        var directory = await directoryCache.Get();
        var server = GatewayRouting.SplitUser(request.User, request.Host).Server;
        if (!directory.TryGetGateway(_gateway, out var address))
            return Refused(Policy.Decisions.ConnectionErrors.GatewayUnreachable(gateway), server);
        // A real client knows no fleet version: a server created since this process's copy is looked for once more.
        var (_, route, denial) = await directoryCache.Route(directory, address, ConnectRequests.ToAttempt(request), trace: null, recheck: true);
        var at = request.At ?? DateTimeOffset.UtcNow;
        var leg = DirectModelling.Reach(directory, request, at);
        if (route is null || leg is { TimedOut: true })
            return DirectModelling.Finish(Refused(route is null ? denial! : Policy.Decisions.ConnectionErrors.ClientTimeout, server), directory, leg, reachedServer: false);
        var routed = DirectModelling.Visit(ConnectRequests.ToRouted(request, route, gateway), directory, directoryCache.Version, request, at, leg);
        return DirectModelling.Finish(await grains.GetGrain<IServerGrain>(route.Server).Connect(routed), directory, leg, reachedServer: true);
    }

    public async Task<StatementResult> Execute(string server, long connectionId, string sql, StatementArrival? modelled = null)
    {
        var target = grains.GetGrain<IServerGrain>(server);
        if (modelled is null || (await directoryCache.Get(modelled.DirectoryVersion)).ServiceModel is not { } model)
            return await target.Execute(connectionId, sql);
        return await ModelledStatements.Redirected(target, model, connectionId, sql, at: null, modelled);
    }

    public Task<int> Disconnect(string server, long connectionId) =>
        grains.GetGrain<IServerGrain>(server).Disconnect(connectionId);

    private ConnectResult Refused(Policy.Decisions.Verdict denial, string? server) =>
        new(denial.Reason, denial.Code, denial.Message, denial.Rule, server, gateway);
}

using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Model;
using FleetSim.Policy.Routing;

namespace FleetSim.Grains.Modelling;

/// <summary>
/// The gateway grain's part of the queueing model, when the fleet has one: the connection passes
/// its address's queue (<see cref="IGatewayQueueGrain"/>), carries its arrival time to the server,
/// and comes back with the whole path's modelled latency. Without a model every call is a no-op.
/// </summary>
internal static class GatewayModelling
{
    /// <summary>The gateway leg, or null without a model or when the gateway does not answer (the client's connect times out).</summary>
    public static async Task<ModelledLatency?> Pass(IGrainFactory grains, FleetDirectory directory, long version, string address, ConnectRequest request, DateTimeOffset at, Verdict? denial)
    {
        if (directory.ServiceModel is null || denial?.Reason == ConnectionReason.GatewayUnreachable)
            return null;
        var source = request.Source;
        return await grains.GetGrain<IGatewayQueueGrain>(address).Pass(new GatewayArrival(
            ConnectRequests.ModelKey(request, at), SimulatedTime.Ms(at), SourceKinds.Of(source.Azure, source.Subnet, source.PrivateEndpoint), request.Tls, version));
    }

    /// <summary>What the client hears when the gateway decides: ClientTimeout when it gave up first, else the gateway's denial.</summary>
    public static Verdict Refusal(ModelledLatency? leg, Verdict? denial) =>
        leg is { TimedOut: true } ? ConnectionErrors.ClientTimeout : denial!;

    /// <summary>The connection as the server receives it, with when it reaches the server in the model.</summary>
    public static RoutedConnection Visit(RoutedConnection routed, FleetDirectory directory, long version, ConnectRequest request, DateTimeOffset at, ModelledLatency? leg)
    {
        if (leg is null || directory.ServiceModel is not { } model)
            return routed;
        var arrival = SimulatedTime.Ms(at);
        return routed with { Modelled = new ModelledVisit(ConnectRequests.ModelKey(request, at), arrival + leg.TotalMs + model.GatewayToServerMs, arrival + model.TimeoutMs, version) };
    }

    /// <summary>The result with the whole path's modelled latency: ClientTimeout when the client gave up on the way.</summary>
    public static ConnectResult Finish(ConnectResult result, FleetDirectory directory, ModelledLatency? leg, bool reachedServer)
    {
        if (leg is null || directory.ServiceModel is not { } model)
            return directory.ServiceModel is { } unreachable && result.Reason == ConnectionReason.GatewayUnreachable
                ? result with { Modelled = new ModelledLatency(unreachable.TimeoutMs, false, []) }
                : result;
        return ModelledLogins.Answer(result, ModelledPath.Join(model, leg, reachedServer ? result.Modelled ?? ModelledLatency.None : null));
    }

    /// <summary>
    /// A statement of a held session. With a fleet model and the statement's arrival, a proxied
    /// session's statement passes this address's queue and the hop, a redirected one's goes
    /// straight to the server (it skips the gateway after its login), and the result carries the
    /// whole modelled latency; without, the server runs it as always.
    /// </summary>
    public static async Task<StatementResult> Execute(IGrainFactory grains, DirectoryCache directoryCache, string address, string server, long connectionId, string sql, DateTimeOffset? at, StatementArrival? arrival)
    {
        var target = grains.GetGrain<IServerGrain>(server);
        if (arrival is null || (await directoryCache.Get(arrival.DirectoryVersion)).ServiceModel is not { } model)
            return await target.Execute(connectionId, sql, at);
        if (arrival.Redirected)
            return await ModelledStatements.Redirected(target, model, connectionId, sql, at, arrival);
        var leg = await grains.GetGrain<IGatewayQueueGrain>(address).Relay(arrival);
        return await ModelledStatements.AtServer(target, model, connectionId, sql, at, arrival, leg, proxied: true);
    }
}

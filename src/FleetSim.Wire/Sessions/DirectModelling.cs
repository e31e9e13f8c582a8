using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Model;
using FleetSim.Policy.Routing;

namespace FleetSim.Wire.Sessions;

/// <summary>
/// A direct endpoint's part of the queueing model, when the fleet has one: a login there is a
/// redirected session's reconnect, the client's round trips and TLS straight to the server, then
/// the server's queue and login (no gateway queue, no gateway work, no hop). Keyed as the gateway
/// keys a real client's login. Without a model every call is a no-op.
/// </summary>
internal static class DirectModelling
{
    /// <summary>The reconnect up to its server, or null without a model.</summary>
    public static ModelledLatency? Reach(FleetDirectory directory, ConnectRequest request, DateTimeOffset at)
    {
        if (directory.ServiceModel is not { } model)
            return null;
        var source = request.Source;
        return ModelledPath.ToServerDirect(model, SimulatedTime.Ms(at), SourceKinds.Of(source.Azure, source.Subnet, source.PrivateEndpoint), request.Tls);
    }

    /// <summary>The connection as the server receives it, with when it reaches the server in the model.</summary>
    public static RoutedConnection Visit(RoutedConnection routed, FleetDirectory directory, long version, ConnectRequest request, DateTimeOffset at, ModelledLatency? leg)
    {
        if (leg is null || directory.ServiceModel is not { } model)
            return routed;
        var arrival = SimulatedTime.Ms(at);
        return routed with { Modelled = new ModelledVisit(ConnectRequests.ModelKey(request, at), arrival + leg.TotalMs, arrival + model.TimeoutMs, version, Direct: true) };
    }

    /// <summary>The result with the whole reconnect's modelled latency: ClientTimeout when the client gave up on the way.</summary>
    public static ConnectResult Finish(ConnectResult result, FleetDirectory directory, ModelledLatency? leg, bool reachedServer)
    {
        if (leg is null || directory.ServiceModel is not { } model)
            return result;
        return ModelledLogins.Answer(result, ModelledPath.Join(model, leg, reachedServer ? result.Modelled ?? ModelledLatency.None : null, proxied: false));
    }
}

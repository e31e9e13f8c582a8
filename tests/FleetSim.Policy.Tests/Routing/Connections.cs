using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Routing;

/// <summary>
/// A connection from end to end, for the rules that span the gateway and the server: DNS (or a
/// pinned address), the gateway's routing, then the server's checks. The first denial decides.
/// </summary>
internal static class Connections
{
    public static Verdict Connect(FleetSpec fleet, ConnectionAttempt attempt, int openConnections = 0, DecisionTrace? trace = null)
    {
        var directory = FleetDirectory.FromSpec(fleet);
        var (gateway, unresolved) = GatewayRouting.Resolve(directory, attempt.Host, attempt.GatewayIp, trace);
        if (gateway is null)
            return unresolved!;
        var (route, unrouted) = GatewayRouting.Route(directory, gateway, attempt, trace);
        if (route is null)
            return unrouted!;
        var server = fleet.Servers.Single(s => s.Name == route.Server);
        return ServerAdmission.Admit(ServerPolicy.Compile(server), new AdmissionRequest(route.Login, attempt.Password, attempt.Tls, route.Source),
            Accounts.Of(server), openConnections, trace);
    }
}

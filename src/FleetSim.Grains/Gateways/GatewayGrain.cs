using FleetSim.Contracts.Connections;
using FleetSim.Client;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using Orleans.Concurrency;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// A regional gateway ring, keyed by its public address. Stateless and reentrant: activations are
/// local to each silo and keep serving while earlier connections wait on their servers.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class GatewayGrain(DirectoryCache directoryCache) : Grain, IGatewayGrain
{
    private Ipv4? _address;

    public async Task<ConnectResult> Connect(ConnectRequest request)
    {
        var directory = await directoryCache.Get(request.DirectoryVersion);
        var ip = _address ??= Ipv4.Parse(this.GetPrimaryKeyString());
        var trace = request.Explain ? new DecisionTrace() : null;
        if (!directory.TryGetGateway(ip, out var gateway))
        {
            trace?.Add("gateway", false, $"{ip} is not a gateway address of any region");
            return Results.From(ConnectionErrors.GatewayUnreachable(ip.ToString()), null, ip.ToString(), trace);
        }

        var attempt = ConnectRequests.ToAttempt(request);
        var (route, denial) = GatewayRouting.Route(directory, gateway, attempt, trace);
        if (route is null)
            return Results.From(denial!, GatewayRouting.SplitUser(request.User, request.Host).Server, ip.ToString(), trace);

        var result = await GrainFactory.GetGrain<IServerGrain>(route.Server).Connect(new RoutedConnection(
            route.Login, request.Password, request.Tls, (byte)route.Source.Kind, route.Source.Address.Value,
            route.Source.SubnetId, route.Source.PrivateEndpoint, ip.ToString(), request.App, request.Database,
            request.Hold, request.Explain));
        return trace is null ? result : result with { Trace = [.. Results.ToEntries(trace)!, .. result.Trace ?? []] };
    }

    public Task Disconnect(string server, long connectionId) =>
        GrainFactory.GetGrain<IServerGrain>(server).Disconnect(connectionId);
}

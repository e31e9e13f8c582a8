using FleetSim.Contracts.Connections;
using Orleans.Concurrency;

namespace FleetSim.LoadTests.Bench;

/// <summary>
/// The engine floor: the same grain hops as FleetSim's connection path (client -> gateway, a
/// stateless reentrant worker -> server grain), with the same messages, and no work in them.
/// FleetSim's rate is reported as a fraction of what these reach in the same run.
/// </summary>
public interface IFloorGatewayGrain : IGrainWithStringKey
{
    Task<ConnectResult> Connect(ConnectRequest request);

    Task Disconnect(string server, long connectionId);
}

public interface IFloorServerGrain : IGrainWithStringKey
{
    Task<ConnectResult> Connect(RoutedConnection connection);

    Task Disconnect(long connectionId);
}

[StatelessWorker, Reentrant]
public sealed class FloorGatewayGrain(Contracts.GrainReferences<IFloorServerGrain> servers) : Grain, IFloorGatewayGrain
{
    public Task<ConnectResult> Connect(ConnectRequest request)
    {
        var server = request.User[(request.User.LastIndexOf('@') + 1)..];
        return servers[server].Connect(Routed(request));
    }

    /// <summary>The message the gateway hands the server for a request.</summary>
    public static RoutedConnection Routed(ConnectRequest request) =>
        new(request.User, request.Password, request.Tls, new RoutedSource(default, 0), "floor", new SessionRequest(request.App, request.Database, request.Hold));

    public Task Disconnect(string server, long connectionId) =>
        servers[server].Disconnect(connectionId);
}

public sealed class FloorServerGrain : Grain, IFloorServerGrain
{
    /// <summary>The server's answer to every connection.</summary>
    public static readonly ConnectResult Allowed = new(Policy.Decisions.ConnectionReason.Allowed, 0, "", null, "floor", "floor", 1);

    public Task<ConnectResult> Connect(RoutedConnection connection) => Task.FromResult(Allowed);

    public Task Disconnect(long connectionId) => Task.CompletedTask;
}

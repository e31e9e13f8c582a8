using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Sessions;

/// <summary>The proxy path: every login and every packet passes the listener's gateway grain, which logs each decision.</summary>
internal sealed class GatewayDoor(IGrainFactory grains, string gateway) : IFleetDoor
{
    private IGatewayGrain Gateway => grains.GetGrain<IGatewayGrain>(gateway);

    public bool Redirected => false;

    public Task<ConnectResult> Connect(ConnectRequest request) => Gateway.Connect(request);

    public Task<StatementResult> Execute(string server, long connectionId, string sql, Contracts.Modelling.StatementArrival? modelled = null) =>
        Gateway.Execute(server, connectionId, sql, modelled: modelled);

    public Task<int> Disconnect(string server, long connectionId) => Gateway.Disconnect(server, connectionId);
}

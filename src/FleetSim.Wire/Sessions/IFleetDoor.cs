using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Sessions;

/// <summary>How a listener's clients reach the fleet: through their gateway grain, or straight to the server (redirect).</summary>
internal interface IFleetDoor
{
    Task<ConnectResult> Connect(ConnectRequest request);

    Task<StatementResult> Execute(string server, long connectionId, string sql);

    Task<int> Disconnect(string server, long connectionId);
}

using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Sessions;

/// <summary>How a listener's clients reach the fleet: through their gateway grain, or straight to the server (redirect).</summary>
internal interface IFleetDoor
{
    /// <summary>Sessions through this door skip the gateway after their login (a direct endpoint, after a redirect).</summary>
    bool Redirected { get; }

    Task<ConnectResult> Connect(ConnectRequest request);

    /// <summary>Runs a statement; with <paramref name="modelled"/> (a fleet model), its modelled latency comes back too.</summary>
    Task<StatementResult> Execute(string server, long connectionId, string sql, Contracts.Modelling.StatementArrival? modelled = null);

    Task<int> Disconnect(string server, long connectionId);
}

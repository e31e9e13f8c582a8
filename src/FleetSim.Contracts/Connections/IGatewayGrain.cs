namespace FleetSim.Contracts.Connections;

/// <summary>
/// A regional gateway ring, keyed by its public IPv4 address. Stateless: any number of
/// activations serve the same address, each with a cached copy of the fleet directory.
/// </summary>
public interface IGatewayGrain : IGrainWithStringKey
{
    /// <summary>Reads the login packet, routes on user@server and hands the connection to the server.</summary>
    Task<ConnectResult> Connect(ConnectRequest request);

    /// <summary>
    /// Runs a statement in a held session; in the proxy policy every packet passes the gateway.
    /// With a fleet model and <paramref name="modelled"/>, the result carries the statement's modelled latency.
    /// </summary>
    Task<StatementResult> Execute(string server, long connectionId, string sql, DateTimeOffset? at = null, Modelling.StatementArrival? modelled = null);

    /// <summary>Closes a held connection; returns how many audit records that logged.</summary>
    Task<int> Disconnect(string server, long connectionId, DateTimeOffset? at = null);
}

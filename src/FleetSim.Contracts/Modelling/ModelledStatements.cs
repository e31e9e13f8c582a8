using FleetSim.Contracts.Connections;
using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Modelling;

/// <summary>
/// A statement of a held session run at its server with the fleet model, once its first leg is
/// known: shared by the gateway grain (proxied and redirected sessions) and a wire listener's
/// direct endpoint (a real client that followed the redirect), so both model it the same way.
/// </summary>
public static class ModelledStatements
{
    /// <summary>A redirected session's statement: the client's round trip straight to the server (it skips the gateway after its login).</summary>
    public static Task<StatementResult> Redirected(IServerGrain server, ServiceModel model, long connectionId, string sql, DateTimeOffset? at, StatementArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(arrival);
        return AtServer(server, model, connectionId, sql, at, arrival, ModelledPath.Direct(model, arrival.ArrivalMs, arrival.Source), proxied: false);
    }

    /// <summary>
    /// The statement at its server after its first leg <paramref name="leg"/> (a client that gave
    /// up on the way never reaches the server's queue), and the whole modelled latency with it.
    /// </summary>
    public static async Task<StatementResult> AtServer(IServerGrain server, ServiceModel model, long connectionId, string sql, DateTimeOffset? at, StatementArrival arrival, ModelledLatency leg, bool proxied)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(arrival);
        ArgumentNullException.ThrowIfNull(leg);
        var visit = leg.TimedOut ? null : new StatementVisit(arrival.Key, arrival.Index,
            ModelledPath.ServerArrivalMs(model, leg, arrival.ArrivalMs, proxied), arrival.ArrivalMs + model.TimeoutMs, arrival.DirectoryVersion);
        var result = await server.Execute(connectionId, sql, at, visit);
        return result with { Modelled = ModelledPath.JoinStatement(model, leg, visit is null ? null : result.Modelled ?? ModelledLatency.None, proxied) };
    }
}

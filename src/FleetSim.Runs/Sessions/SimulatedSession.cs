using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Modelling;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Clients;

namespace FleetSim.Runs.Sessions;

/// <summary>
/// A session through FleetSim's simulated connector: straight to the gateway grains. With a fleet
/// model it arrives at <paramref name="arrival"/> in simulated time, keyed by <paramref name="modelKey"/>,
/// and records its modelled latency in <paramref name="modelled"/> unless it warms up
/// (<paramref name="record"/> false: it still takes its place in the queues); so do its statements,
/// each leaving the client when the one before it was answered in the model, after the think time.
/// </summary>
internal sealed class SimulatedSession(FleetConnector connector, SimulatedClient client, bool hold, long directoryVersion,
    Modelling.ModelledRun? modelled = null, DateTimeOffset? arrival = null, string? modelKey = null, bool record = true) : IClientSession
{
    private ConnectResult? _session;
    private double _answeredAtMs;
    private int _statements;

    public bool Allowed => _session is { Allowed: true };

    public async Task<string> Connect()
    {
        _session = await connector.Connect(new ConnectRequest(
            client.Host, client.User, client.Password, TlsVersions.ParseOffered(client.Tls),
            new SourceAddress(client.Source.Ip, client.Source.Azure, client.Source.Subnet, client.Source.PrivateEndpoint),
            client.App, Hold: hold, At: modelled is null ? null : arrival, ModelKey: modelKey), client.PinnedGatewayIp, directoryVersion);
        if (modelled is not null && _session.Modelled is { } latency)
        {
            if (record)
                modelled.Record(client.Population, _session.Gateway, _session.Server, arrival!.Value, latency);
            _answeredAtMs = SimulatedTime.Ms(arrival!.Value) + latency.TotalMs;
        }
        return _session.Reason.ToString();
    }

    public async Task<bool> Execute(string sql)
    {
        if (modelled is null || _session!.Modelled is null)
            return (await connector.Execute(_session!, sql)).Succeeded;
        // In simulated time the client thinks after the answer before it sends the next statement.
        var leaves = _answeredAtMs + client.ThinkTime.TotalMilliseconds;
        var statement = new StatementArrival(modelKey!, _statements++, leaves,
            SourceKinds.Of(client.Source.Azure, client.Source.Subnet, client.Source.PrivateEndpoint), _session.Redirect, directoryVersion);
        var result = await connector.Execute(_session, sql, modelled: statement);
        if (result.Modelled is { } latency)
        {
            if (record)
                modelled.RecordStatement(client.Population, _session.Gateway, _session.Server, _session.Redirect, SimulatedTime.At(leaves), latency);
            _answeredAtMs = leaves + latency.TotalMs;
        }
        return result.Succeeded;
    }

    // A connection that was not held closed with its login: nothing is left to close.
    public Task Disconnect() => hold ? connector.Disconnect(_session!) : Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Clients;

namespace FleetSim.Runs.Sessions;

/// <summary>A session through FleetSim's simulated connector: straight to the gateway grains.</summary>
internal sealed class SimulatedSession(FleetConnector connector, SimulatedClient client, bool hold, long directoryVersion) : IClientSession
{
    private ConnectResult? _session;

    public bool Allowed => _session is { Allowed: true };

    public async Task<string> Connect()
    {
        _session = await connector.Connect(new ConnectRequest(
            client.Host, client.User, client.Password, TlsVersions.ParseOffered(client.Tls),
            new SourceAddress(client.Source.Ip, client.Source.Azure, client.Source.Subnet, client.Source.PrivateEndpoint),
            client.App, Hold: hold), client.PinnedGatewayIp, directoryVersion);
        return _session.Reason.ToString();
    }

    public async Task<bool> Execute(string sql) => (await connector.Execute(_session!, sql)).Succeeded;

    // A connection that was not held closed with its login: nothing is left to close.
    public Task Disconnect() => hold ? connector.Disconnect(_session!) : Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Decisions;
using FleetSim.Scenarios.Clients;
using MySqlConnector;

namespace FleetSim.Runs.Sessions;

/// <summary>
/// A session of a real MariaDB protocol client (MySqlConnector): DNS as the simulated connector
/// resolves it, then the listener of that gateway address and the client's source, over TCP.
/// </summary>
internal sealed class WireSession(FleetConnector connector, WireClients listeners, SimulatedClient client, long directoryVersion) : IClientSession
{
    private MySqlConnection? _connection;

    public bool Allowed => _connection is { State: System.Data.ConnectionState.Open };

    public async Task<string> Connect()
    {
        var (gateway, refused) = await connector.Dial(client.Host, client.User, client.PinnedGatewayIp, directoryVersion);
        if (gateway is null)
            return refused!.Reason.ToString();
        var source = new SourceAddress(client.Source.Ip, client.Source.Azure, client.Source.Subnet, client.Source.PrivateEndpoint);
        var endpoint = listeners.ListenerFor(gateway, source);
        _connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = endpoint.Address.ToString(),
            Port = (uint)endpoint.Port,
            UserID = client.User,
            Password = client.Password,
            // .NET negotiates TLS 1.2 or 1.3 only: a population's 1.0 and 1.1 clients get 1.2.
            SslMode = client.Tls == "none" ? MySqlSslMode.None : MySqlSslMode.Required,
            TlsVersion = client.Tls == "1.3" ? "TLS 1.3" : client.Tls == "none" ? "" : "TLS 1.2",
            ApplicationName = client.App,
            Pooling = false,
            ConnectionTimeout = 30,
            DefaultCommandTimeout = 30,
        }.ConnectionString);
        try
        {
            await _connection.OpenAsync();
            return nameof(ConnectionReason.Allowed);
        }
        catch (MySqlException e)
        {
            return ClientErrors.ReasonOf(e.Number, e.Message)?.ToString() ?? $"Error{e.Number}";
        }
    }

    public async Task<bool> Execute(string sql)
    {
        try
        {
            await using var command = new MySqlCommand(sql, _connection);
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (MySqlException e) when (e.Number > 0)
        {
            return false;
        }
    }

    public Task Disconnect() => _connection!.CloseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
    }
}

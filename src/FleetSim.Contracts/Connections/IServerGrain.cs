using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Connections;

/// <summary>A simulated MariaDB server, keyed by its name. Never dialled directly: only gateways call it.</summary>
public interface IServerGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the server from its (validated) specification; open sessions survive.</summary>
    Task Provision(ServerSpec spec);

    /// <summary>Removes the server: later connections get ServerNotFound.</summary>
    Task Deprovision();

    /// <summary>Applies the server's checks (state, TLS, network, authentication, max_connections).</summary>
    Task<ConnectResult> Connect(RoutedConnection connection);

    Task Disconnect(long connectionId);

    Task<ServerStatus> GetStatus();
}

[GenerateSerializer, Immutable]
public sealed record ServerStatus(string Name, bool Provisioned, string State, int OpenConnections, int MaxConnections);

namespace FleetSim.Contracts.Connections;

/// <summary>
/// A connection as the gateway hands it to the server grain: the login without its @server
/// suffix and the client as the Azure network presents it (see FleetSim.Policy.Routing.PresentedSource;
/// SourceKind is its PresentedKind).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutedConnection(
    string Login,
    string? Password,
    string Tls,
    byte SourceKind,
    uint SourceAddress,
    string? SubnetId,
    string? PrivateEndpoint,
    string Gateway,
    string? App,
    string? Database,
    bool Hold,
    bool Explain,
    DateTimeOffset? At = null,
    IReadOnlyList<string>? Statements = null);

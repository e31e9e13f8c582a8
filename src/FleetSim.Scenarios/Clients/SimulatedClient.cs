namespace FleetSim.Scenarios.Clients;

/// <summary>Where a simulated client connects from: one of the forms of an attempt's source.</summary>
public sealed record ClientAddress(string? Ip, bool Azure = false, string? Subnet = null, string? PrivateEndpoint = null);

/// <summary>One client session to play: how it connects (Wire: a real MariaDB protocol client), as whom, and what it does once in.</summary>
public sealed record SimulatedClient(
    string Population,
    string Server,
    string? Host,
    string? PinnedGatewayIp,
    string User,
    string Password,
    string Tls,
    ClientAddress Source,
    string App,
    IReadOnlyList<string> Statements,
    TimeSpan ThinkTime,
    TimeSpan Hold,
    bool Wire = false);

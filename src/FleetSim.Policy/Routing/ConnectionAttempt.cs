using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Routing;

/// <summary>
/// What a client does to connect: dial a host (or a pinned gateway address), offer a TLS version,
/// and log in as user@server.
/// </summary>
public sealed record ConnectionAttempt(
    string? Host,
    Ipv4? GatewayIp,
    string User,
    string? Password,
    TlsVersion Tls,
    ClientSource Source,
    string? App = null,
    string? Database = null);

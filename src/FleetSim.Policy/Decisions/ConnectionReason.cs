namespace FleetSim.Policy.Decisions;

/// <summary>Why a connection attempt ended the way it did; the names are FleetSim's public vocabulary.</summary>
public enum ConnectionReason
{
    Allowed,
    HostNotFound,
    GatewayUnreachable,
    ServerNotFound,
    ServerStopped,
    ServerInaccessible,
    SslRequired,
    TlsVersionTooLow,
    PrivateEndpointNotApproved,
    PublicNetworkAccessDisabled,
    VnetDenied,
    FirewallDenied,
    AccessDenied,
    TooManyConnections,

    /// <summary>The queueing model says the client gave up waiting (only with a fleet model).</summary>
    ClientTimeout,
}

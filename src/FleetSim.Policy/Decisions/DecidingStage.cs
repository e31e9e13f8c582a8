namespace FleetSim.Policy.Decisions;

/// <summary>
/// The stage of the connection path that gives each reason, named as a decision trace names its
/// stages, so a decision seen without its trace (the live feed) still shows where it stopped.
/// </summary>
public static class DecidingStage
{
    /// <summary>The stages in the order a connection meets them, ending where an admitted one arrives.</summary>
    public static readonly IReadOnlyList<string> Path =
        ["dns", "gateway", "route", "server-state", "tls", "network", "authentication", "max_connections", "database", Connected];

    public const string Connected = "connected";

    /// <param name="reason">The decision's reason.</param>
    /// <param name="code">Its error code: an access denial with 1044 is the database check, not the password.</param>
    public static string Of(ConnectionReason reason, int code) => reason switch
    {
        ConnectionReason.Allowed => Connected,
        ConnectionReason.HostNotFound => "dns",
        ConnectionReason.GatewayUnreachable => "gateway",
        ConnectionReason.ServerNotFound => "route",
        ConnectionReason.ServerStopped or ConnectionReason.ServerInaccessible => "server-state",
        ConnectionReason.SslRequired or ConnectionReason.TlsVersionTooLow => "tls",
        ConnectionReason.PrivateEndpointNotApproved or ConnectionReason.PublicNetworkAccessDisabled
            or ConnectionReason.VnetDenied or ConnectionReason.FirewallDenied => "network",
        ConnectionReason.AccessDenied when code == 1044 => "database",
        ConnectionReason.AccessDenied => "authentication",
        ConnectionReason.TooManyConnections => "max_connections",
        _ => reason.ToString(),
    };
}

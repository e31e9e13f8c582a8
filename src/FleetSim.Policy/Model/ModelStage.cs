namespace FleetSim.Policy.Model;

/// <summary>The stages of a connection's path, in order; each keys its own samples.</summary>
public enum ModelStage
{
    /// <summary>Round trips between client and gateway besides TLS.</summary>
    Network,

    /// <summary>TLS handshake round trips.</summary>
    Tls,

    /// <summary>Waiting for a gateway worker.</summary>
    GatewayQueue,

    /// <summary>A gateway worker terminating TLS and reading the login.</summary>
    Gateway,

    /// <summary>Gateway to server and back.</summary>
    Hop,

    /// <summary>Waiting for a server worker.</summary>
    ServerQueue,

    /// <summary>A server worker judging the login.</summary>
    Server,

    /// <summary>A statement of the session on a server worker.</summary>
    Statement,

    /// <summary>A gateway worker relaying a statement of a proxied session (a redirected one skips the gateway).</summary>
    Relay,
}

public static class ModelStages
{
    /// <summary>The stage's name as output spells it: gatewayQueue, serverQueue, ...</summary>
    public static string Name(this ModelStage stage) => stage switch
    {
        ModelStage.Network => "network",
        ModelStage.Tls => "tls",
        ModelStage.GatewayQueue => "gatewayQueue",
        ModelStage.Gateway => "gateway",
        ModelStage.Hop => "hop",
        ModelStage.ServerQueue => "serverQueue",
        ModelStage.Server => "server",
        ModelStage.Statement => "statement",
        _ => "relay",
    };
}

namespace FleetSim.Policy.Decisions;

/// <summary>
/// The reason behind an error a real client printed: its code, and where one code serves several
/// reasons (9002, 47073), the words of the message. For clients that only see the wire.
/// </summary>
public static class ClientErrors
{
    public static ConnectionReason? ReasonOf(int code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return code switch
        {
            9000 => ConnectionReason.FirewallDenied,
            1045 or 1044 => ConnectionReason.AccessDenied,
            1040 => ConnectionReason.TooManyConnections,
            40914 => ConnectionReason.VnetDenied,
            47072 => ConnectionReason.TlsVersionTooLow,
            2005 => ConnectionReason.HostNotFound,
            2002 or 2003 => ConnectionReason.GatewayUnreachable,
            47073 => message.Contains("private endpoint", StringComparison.OrdinalIgnoreCase)
                ? ConnectionReason.PrivateEndpointNotApproved
                : ConnectionReason.PublicNetworkAccessDisabled,
            9002 when message.StartsWith("SSL connection is required", StringComparison.Ordinal) => ConnectionReason.SslRequired,
            9002 when message.Contains("is stopped", StringComparison.Ordinal) => ConnectionReason.ServerStopped,
            9002 when message.Contains("is inaccessible", StringComparison.Ordinal) => ConnectionReason.ServerInaccessible,
            9002 => ConnectionReason.ServerNotFound,
            _ => null,
        };
    }
}

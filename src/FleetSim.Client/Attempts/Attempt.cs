namespace FleetSim.Client.Attempts;

/// <summary>
/// One line of an attempts file: a client trying to connect. Settable rather than init-only: the
/// generated JSON reader would set every init-only property, absent or not, which would lose the
/// defaults (tls 1.2) and costs a constructor-argument pass a line.
/// </summary>
public sealed record Attempt
{
    public string? Id { get; set; }
    public string? Host { get; set; }
    public string? GatewayIp { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? Tls { get; set; } = "1.2";
    public AttemptSource? Source { get; set; }
    public string? App { get; set; }
    public string? Database { get; set; }
    public bool Hold { get; set; }

    /// <summary>The simulated time of the attempt; the server's clock follows it (audit times, threat detection).</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>Statements to run in the session once it is open.</summary>
    public List<string>? Statements { get; set; }
}

/// <summary>One of {ip}, {ip, azure: true}, {subnet, ip} or {privateEndpoint}.</summary>
public sealed record AttemptSource
{
    public string? Ip { get; set; }
    public bool Azure { get; set; }
    public string? Subnet { get; set; }
    public string? PrivateEndpoint { get; set; }
}

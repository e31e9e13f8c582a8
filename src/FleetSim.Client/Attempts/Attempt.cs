namespace FleetSim.Client.Attempts;

/// <summary>One line of an attempts file: a client trying to connect.</summary>
public sealed record Attempt
{
    public string? Id { get; init; }
    public string? Host { get; init; }
    public string? GatewayIp { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? Tls { get; init; } = "1.2";
    public AttemptSource? Source { get; init; }
    public string? App { get; init; }
    public string? Database { get; init; }
    public bool Hold { get; init; }

    /// <summary>The simulated time of the attempt; the server's clock follows it (audit times, threat detection).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Statements to run in the session once it is open.</summary>
    public List<string>? Statements { get; init; }
}

/// <summary>One of {ip}, {ip, azure: true}, {subnet, ip} or {privateEndpoint}.</summary>
public sealed record AttemptSource
{
    public string? Ip { get; init; }
    public bool Azure { get; init; }
    public string? Subnet { get; init; }
    public string? PrivateEndpoint { get; init; }
}

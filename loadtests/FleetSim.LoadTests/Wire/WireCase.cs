namespace FleetSim.LoadTests.Wire;

/// <summary>One way of connecting, measured against each server: a client program, with or without TLS, and the aim for the ratio.</summary>
/// <param name="Aim">FleetSim / MariaDB the issue asks for: 1.0 with TLS, 0.7 without.</param>
public sealed record WireCase(string Client, bool Tls, double Aim)
{
    public const string Connector = "MySqlConnector";
    public const string Slap = "mariadb-slap";

    /// <summary>MySqlConnector without and with TLS; mariadb-slap without (it is client-bound with TLS: 36 ms of its own CPU per connection).</summary>
    public static IReadOnlyList<WireCase> All { get; } =
    [
        new(Connector, Tls: false, Aim: 0.7),
        new(Connector, Tls: true, Aim: 1.0),
        new(Slap, Tls: false, Aim: 0.7),
    ];

    public string TlsName => Tls ? "required" : "none";
}

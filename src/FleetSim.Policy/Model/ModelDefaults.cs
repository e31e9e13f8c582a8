namespace FleetSim.Policy.Model;

/// <summary>
/// [FleetSim rule] The model's defaults. None is published by the real service: they are round
/// figures of the right order (a same-region Azure round trip of a millisecond or two, an internet
/// one of tens; TLS 1.2 needing two round trips and 1.3 one; MariaDB's connect_timeout of 10 s),
/// and a planner replaces them with measurements of their own.
/// </summary>
public static class ModelDefaults
{
    public const long Seed = 1;
    public const int ConnectRoundTrips = 3;
    public const double GatewayToServerMs = 0.5;
    public const int GatewayWorkers = 8;
    public const int ServerWorkersPerVCore = 2;
    public const double TimeoutMs = 10_000;

    public static IReadOnlyDictionary<SourceKind, double> RttMs { get; } = new Dictionary<SourceKind, double>
    {
        [SourceKind.Internet] = 30,
        [SourceKind.Azure] = 2,
        [SourceKind.Subnet] = 1,
        [SourceKind.PrivateEndpoint] = 1,
    };

    /// <summary>TLS 1.0 to 1.2 take two round trips, 1.3 one; a plain-text client none.</summary>
    public static IReadOnlyDictionary<string, int> HandshakeRoundTrips { get; } = new Dictionary<string, int>
    {
        ["1.0"] = 2,
        ["1.1"] = 2,
        ["1.2"] = 2,
        ["1.3"] = 1,
    };

    public static ServiceTimeSpec HandshakeCpu { get; } = new() { Distribution = "exponential", MeanMs = 2 };
    public static ServiceTimeSpec GatewayConnect { get; } = new() { Distribution = "exponential", MeanMs = 0.5 };
    public static ServiceTimeSpec GatewayStatement { get; } = new() { Distribution = "exponential", MeanMs = 0.2 };
    public static ServiceTimeSpec ServerLogin { get; } = new() { Distribution = "exponential", MeanMs = 1.5 };
    public static ServiceTimeSpec ServerStatement { get; } = new() { Distribution = "exponential", MeanMs = 1 };

    /// <summary>A lognormal service time without p99Ms has its 99th percentile at this many times its mean.</summary>
    public const double LognormalP99OverMean = 3;
}

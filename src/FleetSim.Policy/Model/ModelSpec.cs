namespace FleetSim.Policy.Model;

/// <summary>
/// [FleetSim rule] The fleet's optional <c>model</c> section: what the real service's network, TLS,
/// gateways and servers cost, so that a connection's latency can be modelled in simulated time.
/// Every part is optional; what is left out takes the documented defaults of <see cref="ModelDefaults"/>,
/// which are assumptions (the real service publishes none), to be replaced by one's own measurements.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>Samples are keyed by (seed, attempt or iteration id, stage), so the same input gives the same figures anywhere.</summary>
    public long Seed { get; init; } = ModelDefaults.Seed;

    public NetworkModelSpec Network { get; init; } = new();
    public TlsModelSpec Tls { get; init; } = new();
    public GatewayModelSpec Gateway { get; init; } = new();
    public ServerModelSpec Server { get; init; } = new();

    /// <summary>A connection that has waited this long is abandoned by its client (ClientTimeout, 2013).</summary>
    public double TimeoutMs { get; init; } = ModelDefaults.TimeoutMs;
}

public sealed record NetworkModelSpec
{
    /// <summary>One client-to-gateway round trip by source kind: internet, azure, subnet, privateEndpoint. A kind left out keeps its default.</summary>
    public Dictionary<string, double>? RttMs { get; init; }

    /// <summary>Round trips of a login besides TLS: TCP, the greeting and its response, the gateway's auth switch.</summary>
    public int ConnectRoundTrips { get; init; } = ModelDefaults.ConnectRoundTrips;

    /// <summary>The gateway-to-server hop, one way; a request pays it there and back.</summary>
    public double GatewayToServerMs { get; init; } = ModelDefaults.GatewayToServerMs;
}

public sealed record TlsModelSpec
{
    /// <summary>Handshake round trips by version ("1.2": 2, "1.3": 1). A version left out keeps its default.</summary>
    public Dictionary<string, int>? HandshakeRoundTrips { get; init; }

    /// <summary>The gateway's work to terminate TLS, held on a gateway worker.</summary>
    public ServiceTimeSpec? HandshakeCpu { get; init; }
}

public sealed record GatewayModelSpec
{
    /// <summary>Workers per gateway address.</summary>
    public int Workers { get; init; } = ModelDefaults.GatewayWorkers;

    /// <summary>A gateway worker's time per connection (reading the login, routing), besides TLS.</summary>
    public ServiceTimeSpec? Connect { get; init; }

    /// <summary>A gateway worker's time to relay one statement of a proxied session and its answer; a redirected session skips it.</summary>
    public ServiceTimeSpec? Statement { get; init; }
}

public sealed record ServerModelSpec
{
    /// <summary>A server has this many workers per vCore of its SKU.</summary>
    public int WorkersPerVCore { get; init; } = ModelDefaults.ServerWorkersPerVCore;

    /// <summary>A server worker's time to judge and open a login.</summary>
    public ServiceTimeSpec? Login { get; init; }

    /// <summary>A server worker's time per statement of a session.</summary>
    public ServiceTimeSpec? Statement { get; init; }
}

/// <summary>A service time: {"distribution": "constant" | "exponential" | "lognormal", "meanMs": M} (lognormal also takes p99Ms).</summary>
public sealed record ServiceTimeSpec
{
    public string? Distribution { get; init; } = "constant";
    public double? MeanMs { get; init; }

    /// <summary>Lognormal only: the 99th percentile; by default three times the mean.</summary>
    public double? P99Ms { get; init; }
}

namespace FleetSim.Wire.Hosting;

/// <summary>
/// The silo host's listeners, from silo.json's FleetSim:Wire section: each silo configures its own,
/// like its Orleans ports (environment variables override, e.g. FleetSim__Wire__Listeners__0__Endpoint),
/// so that several silos on one host do not collide.
/// </summary>
public sealed class WireSiloOptions
{
    public const string Section = "FleetSim:Wire";

    public List<WireListenerSettings> Listeners { get; init; } = [];

    /// <summary>Listeners on non-loopback addresses are refused unless this is true.</summary>
    public bool AllowRemote { get; set; }

    public int ConnectTimeoutSeconds { get; set; } = Policy.Spec.ServerVariables.ConnectTimeoutSeconds;

    /// <summary>Where the generated TLS CA and certificate are kept.</summary>
    public string TlsFolder { get; set; } = "data/tls";

    /// <summary>A PEM certificate and key to use instead of the generated ones.</summary>
    public string? TlsCertificate { get; set; }

    public string? TlsKey { get; set; }

    /// <summary>When set, the listeners opened are written here as JSON, as `serve --endpoints-file` does.</summary>
    public string? EndpointsFile { get; set; }
}

/// <summary>One listener as silo.json gives it: the endpoint, the gateway it stands for, the source its clients present.</summary>
public sealed class WireListenerSettings
{
    public string? Endpoint { get; set; }

    public string? Gateway { get; set; }

    public WireSourceSettings? Source { get; set; }

    public string? Host { get; set; }
}

public sealed class WireSourceSettings
{
    public string? Ip { get; set; }

    public bool Azure { get; set; }

    public string? Subnet { get; set; }

    public string? PrivateEndpoint { get; set; }
}

namespace FleetSim.Scenarios.Spec;

/// <summary>
/// Describes a fleet by its shape rather than server by server. With the scenario's seed it always
/// produces the same fleet, so capacity experiments can be repeated exactly.
/// </summary>
public sealed record FleetGeneratorSpec
{
    /// <summary>Regions and their gateway addresses; by default eastus and westeurope.</summary>
    public List<GeneratedRegionSpec> Regions { get; init; } = [];

    public int ServersPerRegion { get; init; } = 10;

    /// <summary>SKUs with relative weights, e.g. {"GP_Gen5_4": 3, "B_Gen5_1": 1}.</summary>
    public Dictionary<string, double> Skus { get; init; } = new() { ["GP_Gen5_4"] = 1 };

    public int FirewallRulesPerServer { get; init; } = 4;

    /// <summary>The block firewall rules are drawn from, as /24 ranges; clients' allowed addresses come from the same rules.</summary>
    public string FirewallRuleBlock { get; init; } = "203.0.0.0/8";

    /// <summary>Share of servers with the "Allow access to Azure services" rule (0.0.0.0).</summary>
    public double AllowAzureServicesShare { get; init; }

    /// <summary>Virtual network rules per General Purpose / Memory Optimized server (subnets are generated per region).</summary>
    public int VirtualNetworkRulesPerServer { get; init; }

    /// <summary>Approved private endpoint connections per server.</summary>
    public int PrivateEndpointsPerServer { get; init; }

    public double PublicNetworkAccessDisabledShare { get; init; }
    public double StoppedShare { get; init; }

    /// <summary>Share of servers whose customer-managed key is unreachable (state Inaccessible).</summary>
    public double InaccessibleShare { get; init; }
    public string MinimalTlsVersion { get; init; } = "TLSEnforcementDisabled";

    /// <summary>Application users per server besides the administrator.</summary>
    public int UsersPerServer { get; init; } = 1;

    /// <summary>Server parameters applied to every server, e.g. {"audit_log_enabled": "ON"}.</summary>
    public Dictionary<string, string> Configurations { get; init; } = [];

    /// <summary>Turns threat protection on for General Purpose and Memory Optimized servers.</summary>
    public bool ThreatProtection { get; init; }
}

public sealed record GeneratedRegionSpec
{
    public string? Name { get; init; }

    /// <summary>Current gateway addresses; the last one is the newest ring, which DNS returns.</summary>
    public List<string> Gateways { get; init; } = [];

    /// <summary>Retired addresses: only clients that pinned them still dial them, and fail.</summary>
    public List<string> DecommissionedGateways { get; init; } = [];
}

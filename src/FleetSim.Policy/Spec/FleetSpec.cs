namespace FleetSim.Policy.Spec;

/// <summary>
/// A fleet as its JSON document describes it, with the real service's property names. Values stay
/// as written (strings for enumerations) so that validation can name the bad value and its path;
/// <see cref="Validation.FleetSpecValidator"/> lists every problem; a valid one compiles into server policies and a directory.
/// </summary>
public sealed record FleetSpec
{
    public List<RegionSpec> Regions { get; init; } = [];
    public List<VirtualNetworkSpec> VirtualNetworks { get; init; } = [];
    public List<ServerSpec> Servers { get; init; } = [];

    /// <summary>[FleetSim rule] What is known about internet addresses: location, domain, cloud provider, Azure region.</summary>
    public List<InternetRangeSpec> Internet { get; init; } = [];

    /// <summary>[FleetSim rule] Address ranges flagged by threat intelligence.</summary>
    public List<ThreatIntelligenceSpec> ThreatIntelligence { get; init; } = [];

    /// <summary>[FleetSim rule] How threat detection judges logins; the defaults suit a demo.</summary>
    public ThreatDetectionSpec ThreatDetection { get; init; } = new();

    /// <summary>
    /// How long a firewall or virtual network rule change takes to apply, e.g. "5m" (the real
    /// service takes up to five minutes). None by default, so simulations see changes at once.
    /// </summary>
    public string? RuleChangeDelay { get; init; } = "0s";

    /// <summary>Key vaults for customer-managed keys (servers' dataEncryption).</summary>
    public List<KeyVaultSpec> KeyVaults { get; init; } = [];

    /// <summary>How long a server keeps serving after its customer-managed key becomes unreachable (the real service: within 10 minutes).</summary>
    public string? KeyRevocationDelay { get; init; } = "10m";

    /// <summary>[FleetSim rule] The queueing model of the service's costs and capacities; none by default (no modelled latency).</summary>
    public Model.ModelSpec? Model { get; init; }
}

public sealed record RegionSpec
{
    public string? Name { get; init; }
    public List<GatewaySpec> Gateways { get; init; } = [];
}

public sealed record GatewaySpec
{
    public string? Ip { get; init; }

    /// <summary>Current, Decommissioning or Decommissioned.</summary>
    public string? State { get; init; } = "Current";
}

public sealed record VirtualNetworkSpec
{
    /// <summary>The ARM id: /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Network/virtualNetworks/{name}.</summary>
    public string? Id { get; init; }
    public string? Region { get; init; }
    public List<SubnetSpec> Subnets { get; init; } = [];
}

public sealed record SubnetSpec
{
    public string? Name { get; init; }
    public string? AddressPrefix { get; init; }
    public List<string> ServiceEndpoints { get; init; } = [];

    /// <summary>The public (Azure) address the subnet's traffic leaves from when it has no Microsoft.Sql endpoint.</summary>
    public string? OutboundIp { get; init; }
}

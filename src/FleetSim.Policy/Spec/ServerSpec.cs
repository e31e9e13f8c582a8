namespace FleetSim.Policy.Spec;

/// <summary>One server as the fleet document describes it; defaults are the real service's.</summary>
public sealed record ServerSpec
{
    public string? Name { get; init; }
    public string? Region { get; init; }

    /// <summary>Tier, generation and vCores: B_Gen5_1, GP_Gen5_4, MO_Gen5_8, ...</summary>
    public string? Sku { get; init; } = "GP_Gen5_2";

    /// <summary>Ready, Stopped or Inaccessible.</summary>
    public string? State { get; init; } = "Ready";

    public string? AdministratorLogin { get; init; }

    /// <summary>The clear password, as a fleet document or `server create` gives it; never kept.</summary>
    public string? AdministratorLoginPassword { get; init; }

    /// <summary>
    /// [FleetSim rule] Its mysql_native_password hash ("*" + 40 hex digits, as in mysql.user): what
    /// the fleet directory and backups keep instead of the password, and what a document may give
    /// instead of it.
    /// </summary>
    public string? AdministratorLoginPasswordHash { get; init; }

    /// <summary>Enabled (the default) or Disabled.</summary>
    public string? SslEnforcement { get; init; } = "Enabled";

    /// <summary>TLSEnforcementDisabled (the default), TLS1_0, TLS1_1 or TLS1_2.</summary>
    public string? MinimalTlsVersion { get; init; } = "TLSEnforcementDisabled";

    /// <summary>Enabled (the default) or Disabled.</summary>
    public string? PublicNetworkAccess { get; init; } = "Enabled";

    public List<FirewallRuleSpec> FirewallRules { get; init; } = [];
    public List<VirtualNetworkRuleSpec> VirtualNetworkRules { get; init; } = [];
    public List<PrivateEndpointConnectionSpec> PrivateEndpointConnections { get; init; } = [];
    public List<UserSpec> Users { get; init; } = [];

    /// <summary>Server parameters by their MariaDB names, e.g. audit_log_enabled = ON.</summary>
    public Dictionary<string, string> Configurations { get; init; } = [];

    public ThreatProtectionSpec? ThreatProtection { get; init; }

    /// <summary>A customer-managed key; without it the service manages the keys.</summary>
    public DataEncryptionSpec? DataEncryption { get; init; }
}

public sealed record FirewallRuleSpec
{
    public string? Name { get; init; }
    public string? StartIpAddress { get; init; }
    public string? EndIpAddress { get; init; }
}

public sealed record VirtualNetworkRuleSpec
{
    public string? Name { get; init; }

    /// <summary>The subnet's ARM id: {virtual network id}/subnets/{name}.</summary>
    public string? VirtualNetworkSubnetId { get; init; }

    public bool IgnoreMissingVnetServiceEndpoint { get; init; }
}

public sealed record PrivateEndpointConnectionSpec
{
    public string? Name { get; init; }

    /// <summary>Pending, Approved or Rejected.</summary>
    public string? Status { get; init; } = "Pending";
}

public sealed record UserSpec
{
    public string? Name { get; init; }

    /// <summary>The clear password, as a fleet document gives it; never kept.</summary>
    public string? Password { get; init; }

    /// <summary>[FleetSim rule] Its mysql_native_password hash, kept instead of the password (see <see cref="ServerSpec.AdministratorLoginPasswordHash"/>).</summary>
    public string? PasswordHash { get; init; }

    public List<GrantSpec> Grants { get; init; } = [];
}

public sealed record GrantSpec
{
    public List<string> Privileges { get; init; } = [];

    /// <summary>A database name, or * for all databases.</summary>
    public string? Database { get; init; }
}

public sealed record ThreatProtectionSpec
{
    /// <summary>Enabled or Disabled (the default: threat protection is opt-in).</summary>
    public string? State { get; init; } = "Disabled";
    public List<string> DisabledAlerts { get; init; } = [];
    public List<string> EmailAddresses { get; init; } = [];
    public int RetentionDays { get; init; }
}

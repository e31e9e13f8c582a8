namespace FleetSim.Policy.Spec;

/// <summary>A simulated Azure Key Vault holding customers' key-encryption keys.</summary>
public sealed record KeyVaultSpec
{
    public string? Name { get; init; }
    public List<KeyVaultKeySpec> Keys { get; init; } = [];
}

public sealed record KeyVaultKeySpec
{
    public string? Name { get; init; }

    /// <summary>Enabled, Disabled, Deleted or AccessRevoked; only Enabled can unwrap a server's data key.</summary>
    public string? State { get; init; } = "Enabled";
}

/// <summary>A server's customer-managed key: the key in a vault that wraps its data-encryption key.</summary>
public sealed record DataEncryptionSpec
{
    public string? KeyVault { get; init; }
    public string? KeyName { get; init; }
}

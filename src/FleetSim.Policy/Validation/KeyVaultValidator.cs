using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>Key vaults, their keys, and the customer-managed keys servers name.</summary>
public static class KeyVaultValidator
{
    public static readonly IReadOnlySet<string> KeyStates = new HashSet<string>(StringComparer.Ordinal) { "Enabled", "Disabled", "Deleted", "AccessRevoked" };

    public static IEnumerable<string> Validate(FleetSpec spec)
    {
        // Damaged documents may hold nulls anywhere: validation reports, it never throws.
        var keys = new HashSet<(string, string)>();
        var vaults = new HashSet<string>(StringComparer.Ordinal);
        var declared = spec.KeyVaults ?? [];
        for (var v = 0; v < declared.Count; v++)
        {
            var vault = declared[v];
            if (string.IsNullOrWhiteSpace(vault?.Name))
            {
                yield return $"keyVaults[{v}].name: required";
                continue;
            }
            if (!vaults.Add(vault.Name))
                yield return $"keyVaults[{v}].name: '{vault.Name}' is declared twice";
            var vaultKeys = vault.Keys ?? [];
            for (var k = 0; k < vaultKeys.Count; k++)
            {
                var key = vaultKeys[k];
                if (string.IsNullOrWhiteSpace(key?.Name))
                    yield return $"keyVaults[{v}].keys[{k}].name: required";
                else if (!keys.Add((vault.Name, key.Name)))
                    yield return $"keyVaults[{v}].keys[{k}].name: '{key.Name}' is declared twice in vault '{vault.Name}'";
                if (key is not null && (key.State is null || !KeyStates.Contains(key.State)))
                    yield return $"keyVaults[{v}].keys[{k}].state: '{key.State}' is not one of {string.Join("|", KeyStates)}";
            }
        }
        if (spec.KeyRevocationDelay is not null && !SpecDuration.TryParse(spec.KeyRevocationDelay, out _))
            yield return $"keyRevocationDelay: '{spec.KeyRevocationDelay}' is not a duration such as 10m";
        var servers = spec.Servers ?? [];
        for (var s = 0; s < servers.Count; s++)
        {
            if (servers[s]?.DataEncryption is { } encryption && !keys.Contains((encryption.KeyVault ?? "", encryption.KeyName ?? "")))
                yield return $"servers[{s}].dataEncryption: no key '{encryption.KeyName}' in a key vault '{encryption.KeyVault}' of keyVaults";
        }
    }

    /// <summary>True when the server's customer-managed key (if any) can unwrap its data key.</summary>
    public static bool KeyUsable(FleetSpec fleet, ServerSpec server) => KeyUsable(fleet.KeyVaults, server);

    /// <summary>True when the server's customer-managed key (if any) can unwrap its data key, given the fleet's key vaults.</summary>
    public static bool KeyUsable(IReadOnlyList<KeyVaultSpec> vaults, ServerSpec server) => server.DataEncryption is not { } encryption
        || vaults.Any(v => v.Name == encryption.KeyVault && v.Keys.Any(k => k.Name == encryption.KeyName && k.State == "Enabled"));
}

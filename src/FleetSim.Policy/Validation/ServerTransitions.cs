using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>
/// What the real service refuses when an existing server is changed, as opposed to what a single
/// document may say: each refusal is "path: message", in the form validation errors take.
/// </summary>
public static class ServerTransitions
{
    /// <summary>Error 42101's rule: no firewall or VNet rule change while public network access is disabled.</summary>
    public const int RulesLockedCode = 42101;

    public static IEnumerable<string> Check(ServerSpec before, ServerSpec after, string path)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!string.Equals(before.AdministratorLogin, after.AdministratorLogin, StringComparison.Ordinal))
            yield return $"{path}.administratorLogin: the administrator login is set at creation and cannot change (it is '{before.AdministratorLogin}')";
        if (!string.Equals(before.Region, after.Region, StringComparison.Ordinal))
            yield return $"{path}.region: a server cannot move from '{before.Region}' to '{after.Region}'";
        if (before.MinimalTlsVersion != "TLSEnforcementDisabled" && after.MinimalTlsVersion == "TLSEnforcementDisabled")
            yield return $"{path}.minimalTlsVersion: once set ({before.MinimalTlsVersion}) it cannot go back to TLSEnforcementDisabled";
        if (Sku.TryParse(before.Sku, out var oldSku) && Sku.TryParse(after.Sku, out var newSku)
            && (oldSku.Tier == PricingTier.Basic) != (newSku.Tier == PricingTier.Basic))
            yield return $"{path}.sku: a server cannot scale to or from the Basic tier ({before.Sku} to {after.Sku})";
        if (before.PublicNetworkAccess == "Disabled" && after.PublicNetworkAccess == "Disabled"
            && (!Same(before.FirewallRules, after.FirewallRules) || !Same(before.VirtualNetworkRules, after.VirtualNetworkRules)))
            yield return $"{path}.firewallRules: error {RulesLockedCode}: firewall and virtual network rules cannot be created or changed while publicNetworkAccess is Disabled";
    }

    private static bool Same<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) => a.Count == b.Count && a.SequenceEqual(b);
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>
/// A server's threat protection policy, compiled: whether it is on (state Enabled, and a General
/// Purpose or Memory Optimized server: Basic is never covered) and which alert kinds are disabled.
/// </summary>
public sealed class ThreatProtectionPolicy
{
    /// <summary>The default: threat protection is opt-in.</summary>
    public static readonly ThreatProtectionPolicy Off = new(enabled: false, PricingTier.GeneralPurpose, []);

    private readonly HashSet<ThreatAlertKind> _disabled;

    public ThreatProtectionPolicy(bool enabled, PricingTier tier, IEnumerable<ThreatAlertKind> disabledAlerts)
    {
        Active = enabled && tier != PricingTier.Basic;
        _disabled = [.. disabledAlerts];
    }

    /// <summary>True when the server is watched at all.</summary>
    public bool Active { get; }

    public IReadOnlySet<ThreatAlertKind> DisabledAlerts => _disabled;

    /// <summary>From a validated server spec: disabledAlerts may name kinds (BruteForce) or ids (SQL.MariaDB_BruteForce).</summary>
    public static ThreatProtectionPolicy FromSpec(ServerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ThreatProtection is not { } protection)
            return Off;
        if (!Sku.TryParse(spec.Sku, out var sku))
            throw new FormatException($"servers.sku: '{spec.Sku}' is not a SKU");
        var disabled = protection.DisabledAlerts.Select(a =>
            ThreatAlerts.TryParse(a, out var kind) ? kind : throw new FormatException($"threatProtection.disabledAlerts: '{a}' is not an alert"));
        return new ThreatProtectionPolicy(SpecEnum.ParseSwitch(protection.State), sku.Tier, disabled);
    }

    /// <summary>True when an alert of this kind may be raised.</summary>
    public bool Raises(ThreatAlertKind kind) => Active && !_disabled.Contains(kind);
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>A server's threat protection policy: opt-in, and only above the Basic tier.</summary>
internal static class ThreatProtectionValidator
{
    public static void Validate(ThreatProtectionSpec? policy, Sku? sku, SpecPath path, ValidationErrors errors)
    {
        // Absent means the real default: Disabled.
        if (policy is null)
            return;
        var statePath = path.Property("state");
        if (errors.Switch(policy.State, statePath, out var enabled) && enabled && sku is { Tier: PricingTier.Basic })
            errors.Add(statePath, $"threat protection needs the General Purpose or Memory Optimized tier; '{sku.Name}' is Basic");

        foreach (var (alert, at) in errors.Each(policy.DisabledAlerts, path.Property("disabledAlerts")))
        {
            if (!ThreatAlerts.TryParse(alert, out _))
                errors.Add(at, $"'{alert}' is not an alert; allowed: {string.Join(", ", Enum.GetNames<ThreatAlertKind>())}, or their ids {ThreatAlerts.IdPrefix}<Kind>");
        }
        foreach (var (address, at) in errors.Each(policy.EmailAddresses, path.Property("emailAddresses")))
        {
            if (!IsEmailAddress(address))
                errors.Add(at, $"'{address}' is not an email address");
        }
        if (policy.RetentionDays < 0)
            errors.Add(path.Property("retentionDays"), $"'{policy.RetentionDays}' must not be negative");
    }

    // Only the shape: a local part, '@', a domain, no spaces. Delivery is not modelled.
    private static bool IsEmailAddress(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
    }
}

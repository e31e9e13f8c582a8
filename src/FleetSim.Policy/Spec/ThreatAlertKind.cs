using System.Diagnostics.CodeAnalysis;

namespace FleetSim.Policy.Spec;

/// <summary>The alerts of threat protection; each is reported as SQL.MariaDB_{kind}.</summary>
public enum ThreatAlertKind
{
    BruteForce,
    HarmfulApplication,
    PrincipalAnomaly,
    DomainAnomaly,
    DataCenterAnomaly,
    CloudProviderAnomaly,
    GeoAnomaly,
    SuspiciousIpAnomaly,
}

public static class ThreatAlerts
{
    public const string IdPrefix = "SQL.MariaDB_";

    public static string Id(this ThreatAlertKind kind) => IdPrefix + kind;

    /// <summary>Accepts a kind (BruteForce) or its alert id (SQL.MariaDB_BruteForce), as the real service's disabledAlerts do.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ThreatAlertKind kind)
    {
        kind = default;
        if (text is null)
            return false;
        var name = text.StartsWith(IdPrefix, StringComparison.Ordinal) ? text[IdPrefix.Length..] : text;
        return SpecEnum.TryParse(name, out kind);
    }
}

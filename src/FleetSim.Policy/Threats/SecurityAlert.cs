using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>One threat protection alert.</summary>
/// <param name="AlertType">The alert id, SQL.MariaDB_{Kind}.</param>
/// <param name="At">The time of the login that raised it.</param>
public sealed record SecurityAlert(
    string AlertType,
    ThreatAlertKind Kind,
    AlertSeverity Severity,
    string Server,
    string Ip,
    string User,
    DateTimeOffset At,
    string Description);

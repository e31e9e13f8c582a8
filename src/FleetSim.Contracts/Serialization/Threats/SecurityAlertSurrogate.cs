using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Contracts.Serialization.Threats;

[GenerateSerializer]
internal record struct SecurityAlertSurrogate(
    string AlertType,
    ThreatAlertKind Kind,
    AlertSeverity Severity,
    string Server,
    string Ip,
    string User,
    DateTimeOffset At,
    string Description);

[RegisterConverter]
internal sealed class SecurityAlertConverter : IConverter<SecurityAlert, SecurityAlertSurrogate>
{
    public SecurityAlertSurrogate ConvertToSurrogate(in SecurityAlert value) =>
        new(
            value.AlertType, value.Kind, value.Severity, value.Server, value.Ip, value.User, value.At,
            value.Description);

    public SecurityAlert ConvertFromSurrogate(in SecurityAlertSurrogate surrogate) =>
        new(
            surrogate.AlertType, surrogate.Kind, surrogate.Severity, surrogate.Server, surrogate.Ip,
            surrogate.User, surrogate.At, surrogate.Description);
}

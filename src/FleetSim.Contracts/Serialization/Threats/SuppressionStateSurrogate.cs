using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Contracts.Serialization.Threats;

[GenerateSerializer]
internal record struct SuppressionStateSurrogate(
    ThreatAlertKind Kind,
    string Subject,
    string? Detail,
    DateTimeOffset Until);

[RegisterConverter]
internal sealed class SuppressionStateConverter : IConverter<SuppressionState, SuppressionStateSurrogate>
{
    public SuppressionStateSurrogate ConvertToSurrogate(in SuppressionState value) =>
        new(value.Kind, value.Subject, value.Detail, value.Until);

    public SuppressionState ConvertFromSurrogate(in SuppressionStateSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Subject, surrogate.Detail, surrogate.Until);
}

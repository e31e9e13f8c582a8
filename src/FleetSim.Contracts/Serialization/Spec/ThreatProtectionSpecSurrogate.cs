using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct ThreatProtectionSpecSurrogate(
    string? State,
    List<string> DisabledAlerts,
    List<string> EmailAddresses,
    int RetentionDays);

[RegisterConverter]
internal sealed class ThreatProtectionSpecConverter : IConverter<ThreatProtectionSpec, ThreatProtectionSpecSurrogate>
{
    public ThreatProtectionSpecSurrogate ConvertToSurrogate(in ThreatProtectionSpec value) =>
        new(value.State, value.DisabledAlerts, value.EmailAddresses, value.RetentionDays);

    public ThreatProtectionSpec ConvertFromSurrogate(in ThreatProtectionSpecSurrogate surrogate) => new()
    {
        State = surrogate.State,
        DisabledAlerts = surrogate.DisabledAlerts,
        EmailAddresses = surrogate.EmailAddresses,
        RetentionDays = surrogate.RetentionDays,
    };
}

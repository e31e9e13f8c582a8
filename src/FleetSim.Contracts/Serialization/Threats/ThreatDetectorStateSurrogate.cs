using FleetSim.Policy.Threats;

namespace FleetSim.Contracts.Serialization.Threats;

[GenerateSerializer]
internal record struct ThreatDetectorStateSurrogate(
    DateTimeOffset? LearningStartedAt,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> AzureRegions,
    IReadOnlyList<string> CloudProviders,
    IReadOnlyList<string> Locations,
    IReadOnlyList<SourceState> Sources,
    IReadOnlyList<SuppressionState> Suppressions);

[RegisterConverter]
internal sealed class ThreatDetectorStateConverter : IConverter<ThreatDetectorState, ThreatDetectorStateSurrogate>
{
    public ThreatDetectorStateSurrogate ConvertToSurrogate(in ThreatDetectorState value) =>
        new(
            value.LearningStartedAt, value.Users, value.Domains, value.AzureRegions, value.CloudProviders,
            value.Locations, value.Sources, value.Suppressions);

    public ThreatDetectorState ConvertFromSurrogate(in ThreatDetectorStateSurrogate surrogate) =>
        new(
            surrogate.LearningStartedAt, surrogate.Users, surrogate.Domains, surrogate.AzureRegions,
            surrogate.CloudProviders, surrogate.Locations, surrogate.Sources, surrogate.Suppressions);
}

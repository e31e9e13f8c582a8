using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct ThreatDetectionSpecSurrogate(
    string? LearningPeriod,
    int BruteForceThreshold,
    string? BruteForceWindow,
    List<string> HarmfulApplications,
    string? AlertSuppression);

[RegisterConverter]
internal sealed class ThreatDetectionSpecConverter : IConverter<ThreatDetectionSpec, ThreatDetectionSpecSurrogate>
{
    public ThreatDetectionSpecSurrogate ConvertToSurrogate(in ThreatDetectionSpec value) =>
        new(
            value.LearningPeriod, value.BruteForceThreshold, value.BruteForceWindow, value.HarmfulApplications,
            value.AlertSuppression);

    public ThreatDetectionSpec ConvertFromSurrogate(in ThreatDetectionSpecSurrogate surrogate) => new()
    {
        LearningPeriod = surrogate.LearningPeriod,
        BruteForceThreshold = surrogate.BruteForceThreshold,
        BruteForceWindow = surrogate.BruteForceWindow,
        HarmfulApplications = surrogate.HarmfulApplications,
        AlertSuppression = surrogate.AlertSuppression,
    };
}

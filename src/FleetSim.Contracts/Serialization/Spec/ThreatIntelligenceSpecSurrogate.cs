using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct ThreatIntelligenceSpecSurrogate(string? Range, string? Description);

[RegisterConverter]
internal sealed class ThreatIntelligenceSpecConverter : IConverter<ThreatIntelligenceSpec, ThreatIntelligenceSpecSurrogate>
{
    public ThreatIntelligenceSpecSurrogate ConvertToSurrogate(in ThreatIntelligenceSpec value) =>
        new(value.Range, value.Description);

    public ThreatIntelligenceSpec ConvertFromSurrogate(in ThreatIntelligenceSpecSurrogate surrogate) => new()
    {
        Range = surrogate.Range,
        Description = surrogate.Description,
    };
}

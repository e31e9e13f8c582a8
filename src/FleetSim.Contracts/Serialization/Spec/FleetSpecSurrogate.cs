using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct FleetSpecSurrogate(
    List<RegionSpec> Regions,
    List<VirtualNetworkSpec> VirtualNetworks,
    List<ServerSpec> Servers,
    List<InternetRangeSpec> Internet,
    List<ThreatIntelligenceSpec> ThreatIntelligence,
    ThreatDetectionSpec ThreatDetection,
    string? RuleChangeDelay,
    List<KeyVaultSpec> KeyVaults,
    string? KeyRevocationDelay,
    Policy.Model.ModelSpec? Model);

[RegisterConverter]
internal sealed class FleetSpecConverter : IConverter<FleetSpec, FleetSpecSurrogate>
{
    public FleetSpecSurrogate ConvertToSurrogate(in FleetSpec value) =>
        new(
            value.Regions, value.VirtualNetworks, value.Servers, value.Internet, value.ThreatIntelligence,
            value.ThreatDetection, value.RuleChangeDelay, value.KeyVaults, value.KeyRevocationDelay, value.Model);

    public FleetSpec ConvertFromSurrogate(in FleetSpecSurrogate surrogate) => new()
    {
        Regions = surrogate.Regions,
        VirtualNetworks = surrogate.VirtualNetworks,
        Servers = surrogate.Servers,
        Internet = surrogate.Internet,
        ThreatIntelligence = surrogate.ThreatIntelligence,
        ThreatDetection = surrogate.ThreatDetection,
        RuleChangeDelay = surrogate.RuleChangeDelay,
        KeyVaults = surrogate.KeyVaults,
        KeyRevocationDelay = surrogate.KeyRevocationDelay,
        Model = surrogate.Model,
    };
}

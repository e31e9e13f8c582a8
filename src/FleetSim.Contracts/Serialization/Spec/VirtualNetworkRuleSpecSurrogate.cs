using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct VirtualNetworkRuleSpecSurrogate(
    string? Name,
    string? VirtualNetworkSubnetId,
    bool IgnoreMissingVnetServiceEndpoint);

[RegisterConverter]
internal sealed class VirtualNetworkRuleSpecConverter : IConverter<VirtualNetworkRuleSpec, VirtualNetworkRuleSpecSurrogate>
{
    public VirtualNetworkRuleSpecSurrogate ConvertToSurrogate(in VirtualNetworkRuleSpec value) =>
        new(value.Name, value.VirtualNetworkSubnetId, value.IgnoreMissingVnetServiceEndpoint);

    public VirtualNetworkRuleSpec ConvertFromSurrogate(in VirtualNetworkRuleSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        VirtualNetworkSubnetId = surrogate.VirtualNetworkSubnetId,
        IgnoreMissingVnetServiceEndpoint = surrogate.IgnoreMissingVnetServiceEndpoint,
    };
}

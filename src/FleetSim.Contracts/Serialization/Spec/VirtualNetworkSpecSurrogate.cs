using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct VirtualNetworkSpecSurrogate(string? Id, string? Region, List<SubnetSpec> Subnets);

[RegisterConverter]
internal sealed class VirtualNetworkSpecConverter : IConverter<VirtualNetworkSpec, VirtualNetworkSpecSurrogate>
{
    public VirtualNetworkSpecSurrogate ConvertToSurrogate(in VirtualNetworkSpec value) =>
        new(value.Id, value.Region, value.Subnets);

    public VirtualNetworkSpec ConvertFromSurrogate(in VirtualNetworkSpecSurrogate surrogate) => new()
    {
        Id = surrogate.Id,
        Region = surrogate.Region,
        Subnets = surrogate.Subnets,
    };
}

using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct RegionSpecSurrogate(string? Name, List<GatewaySpec> Gateways);

[RegisterConverter]
internal sealed class RegionSpecConverter : IConverter<RegionSpec, RegionSpecSurrogate>
{
    public RegionSpecSurrogate ConvertToSurrogate(in RegionSpec value) =>
        new(value.Name, value.Gateways);

    public RegionSpec ConvertFromSurrogate(in RegionSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        Gateways = surrogate.Gateways,
    };
}

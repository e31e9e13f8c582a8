using FleetSim.Policy.Network;

namespace FleetSim.Contracts.Serialization.Network;

[GenerateSerializer]
internal record struct Ipv4Surrogate(uint Value);

[RegisterConverter]
internal sealed class Ipv4Converter : IConverter<Ipv4, Ipv4Surrogate>
{
    public Ipv4Surrogate ConvertToSurrogate(in Ipv4 value) =>
        new(value.Value);

    public Ipv4 ConvertFromSurrogate(in Ipv4Surrogate surrogate) =>
        new(surrogate.Value);
}

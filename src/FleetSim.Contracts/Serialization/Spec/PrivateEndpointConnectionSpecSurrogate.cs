using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct PrivateEndpointConnectionSpecSurrogate(string? Name, string? Status);

[RegisterConverter]
internal sealed class PrivateEndpointConnectionSpecConverter : IConverter<PrivateEndpointConnectionSpec, PrivateEndpointConnectionSpecSurrogate>
{
    public PrivateEndpointConnectionSpecSurrogate ConvertToSurrogate(in PrivateEndpointConnectionSpec value) =>
        new(value.Name, value.Status);

    public PrivateEndpointConnectionSpec ConvertFromSurrogate(in PrivateEndpointConnectionSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        Status = surrogate.Status,
    };
}

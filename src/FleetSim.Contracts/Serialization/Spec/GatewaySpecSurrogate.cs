using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct GatewaySpecSurrogate(string? Ip, string? State);

[RegisterConverter]
internal sealed class GatewaySpecConverter : IConverter<GatewaySpec, GatewaySpecSurrogate>
{
    public GatewaySpecSurrogate ConvertToSurrogate(in GatewaySpec value) =>
        new(value.Ip, value.State);

    public GatewaySpec ConvertFromSurrogate(in GatewaySpecSurrogate surrogate) => new()
    {
        Ip = surrogate.Ip,
        State = surrogate.State,
    };
}

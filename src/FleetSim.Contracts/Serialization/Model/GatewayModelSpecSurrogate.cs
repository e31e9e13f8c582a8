using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct GatewayModelSpecSurrogate(
    int Workers,
    ServiceTimeSpec? Connect,
    ServiceTimeSpec? Statement);

[RegisterConverter]
internal sealed class GatewayModelSpecConverter : IConverter<GatewayModelSpec, GatewayModelSpecSurrogate>
{
    public GatewayModelSpecSurrogate ConvertToSurrogate(in GatewayModelSpec value) =>
        new(value.Workers, value.Connect, value.Statement);

    public GatewayModelSpec ConvertFromSurrogate(in GatewayModelSpecSurrogate surrogate) => new()
    {
        Workers = surrogate.Workers,
        Connect = surrogate.Connect,
        Statement = surrogate.Statement,
    };
}

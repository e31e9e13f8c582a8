using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Contracts.Serialization.Routing;

[GenerateSerializer]
internal record struct PresentedSourceSurrogate(
    PresentedKind Kind,
    Ipv4 Address,
    string? SubnetId,
    string? PrivateEndpoint);

[RegisterConverter]
internal sealed class PresentedSourceConverter : IConverter<PresentedSource, PresentedSourceSurrogate>
{
    public PresentedSourceSurrogate ConvertToSurrogate(in PresentedSource value) =>
        new(value.Kind, value.Address, value.SubnetId, value.PrivateEndpoint);

    public PresentedSource ConvertFromSurrogate(in PresentedSourceSurrogate surrogate) =>
        new(surrogate.Kind, surrogate.Address, surrogate.SubnetId, surrogate.PrivateEndpoint);
}

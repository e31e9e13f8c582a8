using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct SubnetSpecSurrogate(
    string? Name,
    string? AddressPrefix,
    List<string> ServiceEndpoints,
    string? OutboundIp);

[RegisterConverter]
internal sealed class SubnetSpecConverter : IConverter<SubnetSpec, SubnetSpecSurrogate>
{
    public SubnetSpecSurrogate ConvertToSurrogate(in SubnetSpec value) =>
        new(value.Name, value.AddressPrefix, value.ServiceEndpoints, value.OutboundIp);

    public SubnetSpec ConvertFromSurrogate(in SubnetSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        AddressPrefix = surrogate.AddressPrefix,
        ServiceEndpoints = surrogate.ServiceEndpoints,
        OutboundIp = surrogate.OutboundIp,
    };
}

using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct FirewallRuleSpecSurrogate(string? Name, string? StartIpAddress, string? EndIpAddress);

[RegisterConverter]
internal sealed class FirewallRuleSpecConverter : IConverter<FirewallRuleSpec, FirewallRuleSpecSurrogate>
{
    public FirewallRuleSpecSurrogate ConvertToSurrogate(in FirewallRuleSpec value) =>
        new(value.Name, value.StartIpAddress, value.EndIpAddress);

    public FirewallRuleSpec ConvertFromSurrogate(in FirewallRuleSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        StartIpAddress = surrogate.StartIpAddress,
        EndIpAddress = surrogate.EndIpAddress,
    };
}

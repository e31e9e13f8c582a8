using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct KeyVaultSpecSurrogate(string? Name, List<KeyVaultKeySpec> Keys);

[RegisterConverter]
internal sealed class KeyVaultSpecConverter : IConverter<KeyVaultSpec, KeyVaultSpecSurrogate>
{
    public KeyVaultSpecSurrogate ConvertToSurrogate(in KeyVaultSpec value) =>
        new(value.Name, value.Keys);

    public KeyVaultSpec ConvertFromSurrogate(in KeyVaultSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        Keys = surrogate.Keys,
    };
}

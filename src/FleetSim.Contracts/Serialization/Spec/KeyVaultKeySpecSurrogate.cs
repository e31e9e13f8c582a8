using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct KeyVaultKeySpecSurrogate(string? Name, string? State);

[RegisterConverter]
internal sealed class KeyVaultKeySpecConverter : IConverter<KeyVaultKeySpec, KeyVaultKeySpecSurrogate>
{
    public KeyVaultKeySpecSurrogate ConvertToSurrogate(in KeyVaultKeySpec value) =>
        new(value.Name, value.State);

    public KeyVaultKeySpec ConvertFromSurrogate(in KeyVaultKeySpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        State = surrogate.State,
    };
}

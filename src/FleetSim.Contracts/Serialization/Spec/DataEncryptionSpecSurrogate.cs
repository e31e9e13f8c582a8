using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct DataEncryptionSpecSurrogate(string? KeyVault, string? KeyName);

[RegisterConverter]
internal sealed class DataEncryptionSpecConverter : IConverter<DataEncryptionSpec, DataEncryptionSpecSurrogate>
{
    public DataEncryptionSpecSurrogate ConvertToSurrogate(in DataEncryptionSpec value) =>
        new(value.KeyVault, value.KeyName);

    public DataEncryptionSpec ConvertFromSurrogate(in DataEncryptionSpecSurrogate surrogate) => new()
    {
        KeyVault = surrogate.KeyVault,
        KeyName = surrogate.KeyName,
    };
}

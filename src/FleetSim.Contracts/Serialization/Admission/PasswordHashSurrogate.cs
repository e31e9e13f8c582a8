using FleetSim.Policy.Admission;

namespace FleetSim.Contracts.Serialization.Admission;

[GenerateSerializer]
internal record struct PasswordHashSurrogate(byte[] Salt, byte[] Hash, int Iterations);

[RegisterConverter]
internal sealed class PasswordHashConverter : IConverter<PasswordHash, PasswordHashSurrogate>
{
    public PasswordHashSurrogate ConvertToSurrogate(in PasswordHash value) =>
        new(value.Salt, value.Hash, value.Iterations);

    public PasswordHash ConvertFromSurrogate(in PasswordHashSurrogate surrogate) =>
        new(surrogate.Salt, surrogate.Hash, surrogate.Iterations);
}

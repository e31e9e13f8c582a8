using FleetSim.Policy.Admission;

namespace FleetSim.Contracts.Serialization.Admission;

/// <summary>The 20 bytes of SHA1(SHA1(password)), as mysql.user keeps them.</summary>
[GenerateSerializer]
internal record struct PasswordHashSurrogate(byte[] Bytes);

[RegisterConverter]
internal sealed class PasswordHashConverter : IConverter<PasswordHash, PasswordHashSurrogate>
{
    public PasswordHashSurrogate ConvertToSurrogate(in PasswordHash value) => new(value.Bytes.ToArray());

    public PasswordHash ConvertFromSurrogate(in PasswordHashSurrogate surrogate) => PasswordHash.FromBytes(surrogate.Bytes);
}

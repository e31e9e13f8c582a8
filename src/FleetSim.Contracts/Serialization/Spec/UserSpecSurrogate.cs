using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct UserSpecSurrogate(string? Name, string? Password, List<GrantSpec> Grants, string? PasswordHash);

[RegisterConverter]
internal sealed class UserSpecConverter : IConverter<UserSpec, UserSpecSurrogate>
{
    public UserSpecSurrogate ConvertToSurrogate(in UserSpec value) =>
        new(value.Name, value.Password, value.Grants, value.PasswordHash);

    public UserSpec ConvertFromSurrogate(in UserSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        Password = surrogate.Password,
        Grants = surrogate.Grants,
        PasswordHash = surrogate.PasswordHash,
    };
}

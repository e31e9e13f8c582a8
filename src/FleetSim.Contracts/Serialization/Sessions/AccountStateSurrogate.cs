using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;

namespace FleetSim.Contracts.Serialization.Sessions;

[GenerateSerializer]
internal record struct AccountStateSurrogate(
    string User,
    string Host,
    PasswordHash? Password,
    IReadOnlyList<GrantState> Grants);

[RegisterConverter]
internal sealed class AccountStateConverter : IConverter<AccountState, AccountStateSurrogate>
{
    public AccountStateSurrogate ConvertToSurrogate(in AccountState value) =>
        new(value.User, value.Host, value.Password, value.Grants);

    public AccountState ConvertFromSurrogate(in AccountStateSurrogate surrogate) =>
        new(surrogate.User, surrogate.Host, surrogate.Password, surrogate.Grants);
}

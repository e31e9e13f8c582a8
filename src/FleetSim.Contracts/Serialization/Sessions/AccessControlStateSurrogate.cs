using FleetSim.Policy.Sessions;

namespace FleetSim.Contracts.Serialization.Sessions;

[GenerateSerializer]
internal record struct AccessControlStateSurrogate(
    string AdministratorLogin,
    IReadOnlyList<AccountState> Accounts);

[RegisterConverter]
internal sealed class AccessControlStateConverter : IConverter<AccessControlState, AccessControlStateSurrogate>
{
    public AccessControlStateSurrogate ConvertToSurrogate(in AccessControlState value) =>
        new(value.AdministratorLogin, value.Accounts);

    public AccessControlState ConvertFromSurrogate(in AccessControlStateSurrogate surrogate) =>
        new(surrogate.AdministratorLogin, surrogate.Accounts);
}

using FleetSim.Policy.Sessions;

namespace FleetSim.Contracts.Serialization.Sessions;

[GenerateSerializer]
internal record struct GrantStateSurrogate(string Database, string Table, IReadOnlyList<string> Privileges);

[RegisterConverter]
internal sealed class GrantStateConverter : IConverter<GrantState, GrantStateSurrogate>
{
    public GrantStateSurrogate ConvertToSurrogate(in GrantState value) =>
        new(value.Database, value.Table, value.Privileges);

    public GrantState ConvertFromSurrogate(in GrantStateSurrogate surrogate) =>
        new(surrogate.Database, surrogate.Table, surrogate.Privileges);
}

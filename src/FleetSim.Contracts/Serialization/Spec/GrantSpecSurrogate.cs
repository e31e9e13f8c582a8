using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct GrantSpecSurrogate(List<string> Privileges, string? Database);

[RegisterConverter]
internal sealed class GrantSpecConverter : IConverter<GrantSpec, GrantSpecSurrogate>
{
    public GrantSpecSurrogate ConvertToSurrogate(in GrantSpec value) =>
        new(value.Privileges, value.Database);

    public GrantSpec ConvertFromSurrogate(in GrantSpecSurrogate surrogate) => new()
    {
        Privileges = surrogate.Privileges,
        Database = surrogate.Database,
    };
}

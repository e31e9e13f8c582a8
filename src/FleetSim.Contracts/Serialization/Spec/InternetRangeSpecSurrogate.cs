using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct InternetRangeSpecSurrogate(
    string? Range,
    string? Location,
    string? Domain,
    string? CloudProvider,
    string? AzureRegion);

[RegisterConverter]
internal sealed class InternetRangeSpecConverter : IConverter<InternetRangeSpec, InternetRangeSpecSurrogate>
{
    public InternetRangeSpecSurrogate ConvertToSurrogate(in InternetRangeSpec value) =>
        new(value.Range, value.Location, value.Domain, value.CloudProvider, value.AzureRegion);

    public InternetRangeSpec ConvertFromSurrogate(in InternetRangeSpecSurrogate surrogate) => new()
    {
        Range = surrogate.Range,
        Location = surrogate.Location,
        Domain = surrogate.Domain,
        CloudProvider = surrogate.CloudProvider,
        AzureRegion = surrogate.AzureRegion,
    };
}

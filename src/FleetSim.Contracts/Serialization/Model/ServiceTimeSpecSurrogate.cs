using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct ServiceTimeSpecSurrogate(
    string? Distribution,
    double? MeanMs,
    double? P99Ms);

[RegisterConverter]
internal sealed class ServiceTimeSpecConverter : IConverter<ServiceTimeSpec, ServiceTimeSpecSurrogate>
{
    public ServiceTimeSpecSurrogate ConvertToSurrogate(in ServiceTimeSpec value) =>
        new(value.Distribution, value.MeanMs, value.P99Ms);

    public ServiceTimeSpec ConvertFromSurrogate(in ServiceTimeSpecSurrogate surrogate) => new()
    {
        Distribution = surrogate.Distribution,
        MeanMs = surrogate.MeanMs,
        P99Ms = surrogate.P99Ms,
    };
}

using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct TlsModelSpecSurrogate(
    Dictionary<string, int>? HandshakeRoundTrips,
    ServiceTimeSpec? HandshakeCpu);

[RegisterConverter]
internal sealed class TlsModelSpecConverter : IConverter<TlsModelSpec, TlsModelSpecSurrogate>
{
    public TlsModelSpecSurrogate ConvertToSurrogate(in TlsModelSpec value) =>
        new(value.HandshakeRoundTrips, value.HandshakeCpu);

    public TlsModelSpec ConvertFromSurrogate(in TlsModelSpecSurrogate surrogate) => new()
    {
        HandshakeRoundTrips = surrogate.HandshakeRoundTrips,
        HandshakeCpu = surrogate.HandshakeCpu,
    };
}

using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct NetworkModelSpecSurrogate(
    Dictionary<string, double>? RttMs,
    int ConnectRoundTrips,
    double GatewayToServerMs);

[RegisterConverter]
internal sealed class NetworkModelSpecConverter : IConverter<NetworkModelSpec, NetworkModelSpecSurrogate>
{
    public NetworkModelSpecSurrogate ConvertToSurrogate(in NetworkModelSpec value) =>
        new(value.RttMs, value.ConnectRoundTrips, value.GatewayToServerMs);

    public NetworkModelSpec ConvertFromSurrogate(in NetworkModelSpecSurrogate surrogate) => new()
    {
        RttMs = surrogate.RttMs,
        ConnectRoundTrips = surrogate.ConnectRoundTrips,
        GatewayToServerMs = surrogate.GatewayToServerMs,
    };
}

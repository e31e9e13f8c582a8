using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct ModelSpecSurrogate(
    long Seed,
    NetworkModelSpec Network,
    TlsModelSpec Tls,
    GatewayModelSpec Gateway,
    ServerModelSpec Server,
    double TimeoutMs);

[RegisterConverter]
internal sealed class ModelSpecConverter : IConverter<ModelSpec, ModelSpecSurrogate>
{
    public ModelSpecSurrogate ConvertToSurrogate(in ModelSpec value) =>
        new(value.Seed, value.Network, value.Tls, value.Gateway, value.Server, value.TimeoutMs);

    public ModelSpec ConvertFromSurrogate(in ModelSpecSurrogate surrogate) => new()
    {
        Seed = surrogate.Seed,
        Network = surrogate.Network,
        Tls = surrogate.Tls,
        Gateway = surrogate.Gateway,
        Server = surrogate.Server,
        TimeoutMs = surrogate.TimeoutMs,
    };
}

using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct ModelledLatencySurrogate(
    double TotalMs,
    bool TimedOut,
    IReadOnlyList<StageTime> Stages);

[RegisterConverter]
internal sealed class ModelledLatencyConverter : IConverter<ModelledLatency, ModelledLatencySurrogate>
{
    public ModelledLatencySurrogate ConvertToSurrogate(in ModelledLatency value) =>
        new(value.TotalMs, value.TimedOut, value.Stages);

    public ModelledLatency ConvertFromSurrogate(in ModelledLatencySurrogate surrogate) =>
        new(surrogate.TotalMs, surrogate.TimedOut, surrogate.Stages);
}

using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct StageTimeSurrogate(
    ModelStage Stage,
    double Ms);

[RegisterConverter]
internal sealed class StageTimeConverter : IConverter<StageTime, StageTimeSurrogate>
{
    public StageTimeSurrogate ConvertToSurrogate(in StageTime value) =>
        new(value.Stage, value.Ms);

    public StageTime ConvertFromSurrogate(in StageTimeSurrogate surrogate) =>
        new(surrogate.Stage, surrogate.Ms);
}

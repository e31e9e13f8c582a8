using FleetSim.Policy.Decisions;

namespace FleetSim.Contracts.Serialization.Decisions;

[GenerateSerializer]
internal record struct VerdictSurrogate(
    ConnectionReason Reason,
    int Code,
    string Message,
    string? Rule);

[RegisterConverter]
internal sealed class VerdictConverter : IConverter<Verdict, VerdictSurrogate>
{
    public VerdictSurrogate ConvertToSurrogate(in Verdict value) =>
        new(value.Reason, value.Code, value.Message, value.Rule);

    public Verdict ConvertFromSurrogate(in VerdictSurrogate surrogate) =>
        new(surrogate.Reason, surrogate.Code, surrogate.Message, surrogate.Rule);
}

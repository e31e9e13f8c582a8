using FleetSim.Policy.Admission;

namespace FleetSim.Contracts.Serialization.Admission;

/// <summary>A wire client's login scramble and its answer to it.</summary>
[GenerateSerializer]
internal record struct ScrambleProofSurrogate(byte[] Scramble, byte[] Response);

[RegisterConverter]
internal sealed class ScrambleProofConverter : IConverter<ScrambleProof, ScrambleProofSurrogate>
{
    public ScrambleProofSurrogate ConvertToSurrogate(in ScrambleProof value) => new(value.Scramble, value.Response);

    public ScrambleProof ConvertFromSurrogate(in ScrambleProofSurrogate surrogate) => new(surrogate.Scramble, surrogate.Response);
}

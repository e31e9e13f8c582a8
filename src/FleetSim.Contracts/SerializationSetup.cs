using Orleans.Serialization;

namespace FleetSim.Contracts;

public static class SerializationSetup
{
    /// <summary>
    /// Registers the codecs of FleetSim's messages, among them the surrogates (Serialization/, one
    /// file per type) through which FleetSim.Policy's records cross grain boundaries and reach grain
    /// state while FleetSim.Policy itself stays free of Orleans. Orleans finds them in any process
    /// that references this assembly; naming the assembly here keeps that true for a host that
    /// trims its application parts. A Policy type that travels needs its own surrogate (copy one:
    /// a [GenerateSerializer] record struct with the same members, and an IConverter marked
    /// [RegisterConverter]); SerializationCoverageTests fail until it has one.
    /// </summary>
    public static ISerializerBuilder AddFleetSimSerialization(this ISerializerBuilder builder) =>
        builder.AddAssembly(typeof(SerializationSetup).Assembly);
}

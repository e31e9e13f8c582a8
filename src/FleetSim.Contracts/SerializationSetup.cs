using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FleetSim.Contracts;

public static class SerializationSetup
{
    /// <summary>
    /// The fleet specification records live in FleetSim.Policy, which stays free of Orleans; they
    /// cross grain boundaries only when a fleet is provisioned, so System.Text.Json carries them.
    /// Silos and clients must both call this.
    /// </summary>
    public static ISerializerBuilder AddFleetSimSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace == typeof(Policy.Spec.FleetSpec).Namespace);
}

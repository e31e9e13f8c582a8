using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FleetSim.Contracts;

public static class SerializationSetup
{
    private static readonly HashSet<string?> JsonNamespaces =
    [
        typeof(Policy.Spec.FleetSpec).Namespace,
        typeof(Policy.Audit.AuditRecord).Namespace,
        typeof(Policy.Threats.SecurityAlert).Namespace,
        typeof(Policy.Decisions.ConnectionReason).Namespace,
        typeof(Policy.Sessions.AccessControlState).Namespace,
    ];

    /// <summary>
    /// The fleet specification and audit records live in FleetSim.Policy, which stays free of
    /// Orleans; System.Text.Json carries them across grain boundaries. They travel in batches
    /// (a fleet, a batch of audit records), never one per connection, so its cost stays small.
    /// Silos and clients must both call this.
    /// </summary>
    public static ISerializerBuilder AddFleetSimSerialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => JsonNamespaces.Contains(type.Namespace));
}

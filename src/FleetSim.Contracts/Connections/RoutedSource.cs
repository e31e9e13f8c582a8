using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Contracts.Connections;

/// <summary>
/// FleetSim.Policy.Routing.PresentedSource on the wire: the policy's struct stays free of Orleans,
/// so its fields travel in this record.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutedSource(PresentedKind Kind, uint Address, string? SubnetId = null, string? PrivateEndpoint = null)
{
    public static RoutedSource From(PresentedSource source) =>
        new(source.Kind, source.Address.Value, source.SubnetId, source.PrivateEndpoint);

    public PresentedSource ToPresented() => new(Kind, new Ipv4(Address), SubnetId, PrivateEndpoint);
}

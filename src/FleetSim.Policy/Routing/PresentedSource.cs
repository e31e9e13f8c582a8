using FleetSim.Policy.Network;

namespace FleetSim.Policy.Routing;

public enum PresentedKind : byte { Internet, Azure, ServiceEndpoint, PrivateEndpoint }

/// <summary>
/// The client as the server's network checks see it, after the Azure network has done its part:
/// a subnet with the Microsoft.Sql endpoint arrives with its VNet identity and private address,
/// one without arrives from its outbound Azure address.
/// </summary>
public readonly record struct PresentedSource(PresentedKind Kind, Ipv4 Address, string? SubnetId = null, string? PrivateEndpoint = null)
{
    /// <summary>The address MariaDB reports for the client, as in 'user'@'ip'.</summary>
    public string ClientAddress => Kind == PresentedKind.PrivateEndpoint && Address == default
        ? $"privateEndpoint:{PrivateEndpoint}"
        : Address.ToString();

    public override string ToString() => Kind switch
    {
        PresentedKind.Internet => $"internet address {Address}",
        PresentedKind.Azure => $"Azure address {Address}",
        PresentedKind.ServiceEndpoint => $"subnet {SubnetId} through its Microsoft.Sql service endpoint (private address {Address})",
        _ => $"private endpoint '{PrivateEndpoint}'",
    };
}

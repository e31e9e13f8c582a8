using FleetSim.Policy.Network;

namespace FleetSim.Policy.Routing;

/// <summary>Where a client connects from, as an attempt describes it.</summary>
public abstract record ClientSource
{
    private ClientSource() { }

    /// <summary>A public internet address.</summary>
    public sealed record Internet(Ipv4 Ip) : ClientSource;

    /// <summary>A public address that belongs to Azure (a VM's public IP, an App Service outbound address).</summary>
    public sealed record Azure(Ipv4 Ip) : ClientSource;

    /// <summary>A host inside a virtual network subnet, with its private address.</summary>
    public sealed record Subnet(string SubnetId, Ipv4 Ip) : ClientSource;

    /// <summary>A client reaching the server through a private endpoint of that name.</summary>
    public sealed record PrivateEndpoint(string Name, Ipv4? Ip) : ClientSource;
}

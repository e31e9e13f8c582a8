using FleetSim.Contracts.Connections;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Gateways;

/// <summary>Reads a connect request into the policy engine's terms; malformed fields are the caller's bug.</summary>
public static class ConnectRequests
{
    public static ConnectionAttempt ToAttempt(ConnectRequest request)
    {
        if (!TlsVersions.TryParseOffered(request.Tls, out var tls))
            throw new ArgumentException($"tls: '{request.Tls}' is not one of none, 1.0, 1.1, 1.2, 1.3", nameof(request));
        return new ConnectionAttempt(request.Host, null, request.User, request.Password, tls, ToSource(request.Source), request.App, request.Database);
    }

    /// <summary>The source as the gateway connection log shows it.</summary>
    public static string Describe(ClientSource source) => source switch
    {
        ClientSource.Internet s => $"internet address {s.Ip}",
        ClientSource.Azure s => $"Azure address {s.Ip}",
        ClientSource.Subnet s => $"subnet {s.SubnetId} ({s.Ip})",
        ClientSource.PrivateEndpoint s => $"private endpoint '{s.Name}'",
        _ => source.ToString(),
    };

    public static ClientSource ToSource(SourceAddress source)
    {
        Ipv4? ip = source.Ip is null ? null : Ipv4.TryParse(source.Ip, out var parsed) ? parsed
            : throw new ArgumentException($"source.ip: '{source.Ip}' is not an IPv4 address", nameof(source));
        if (source.PrivateEndpoint is not null)
            return new ClientSource.PrivateEndpoint(source.PrivateEndpoint, ip);
        if (ip is null)
            throw new ArgumentException("source.ip is required unless the source is a private endpoint", nameof(source));
        if (source.Subnet is not null)
            return new ClientSource.Subnet(source.Subnet, ip.Value);
        return source.Azure ? new ClientSource.Azure(ip.Value) : new ClientSource.Internet(ip.Value);
    }
}

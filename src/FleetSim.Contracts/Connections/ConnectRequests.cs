using System.Globalization;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Contracts.Connections;

/// <summary>
/// Reads a connect request into the policy engine's terms, for whoever routes it: the gateway
/// grain, or a wire listener's direct endpoint. Malformed fields are the caller's bug.
/// </summary>
public static class ConnectRequests
{
    public static ConnectionAttempt ToAttempt(ConnectRequest request) =>
        new(request.Host, null, request.User, request.Password, request.Tls, ToSource(request.Source), request.App, request.Database);

    /// <summary>The connection as the server grain receives it, once routed.</summary>
    public static RoutedConnection ToRouted(ConnectRequest request, Route route, string gateway) =>
        new(route.Login, request.Password, request.Tls, RoutedSource.From(route.Source), gateway,
            new SessionRequest(request.App, request.Database, request.Hold, request.Statements, request.TlsCipher, request.Observer), request.Explain, request.At, request.Proof);

    /// <summary>
    /// What keys a connection's samples in the fleet model: the caller's own key, or for a caller
    /// that names none (a real client) one made from what it sent and when it arrived, so that the
    /// same input keys the same samples at a gateway and at a direct endpoint alike.
    /// </summary>
    public static string ModelKey(ConnectRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ModelKey ?? string.Create(CultureInfo.InvariantCulture, $"{request.User}|{request.Source.Ip}|{request.Source.PrivateEndpoint}|{at.UtcTicks}");
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

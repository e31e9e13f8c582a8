using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Routing;

/// <summary>Where a connection goes after the gateway read its login packet.</summary>
public sealed record Route(string Server, string Login, PresentedSource Source);

/// <summary>
/// The client side and the regional gateway's side of a connection: DNS picks a gateway, the
/// gateway reads user@server and decides which server, if any, gets the connection.
/// </summary>
public static class GatewayRouting
{
    /// <summary>
    /// DNS: a server's host name resolves to the newest gateway of its region, never to the
    /// server. A client that pinned an address dials it directly, whatever DNS would say.
    /// </summary>
    public static (GatewayAddress? Gateway, Verdict? Denial) Resolve(FleetDirectory directory, string? host, Ipv4? pinned, DecisionTrace? trace)
    {
        if (pinned is { } ip)
        {
            if (!directory.TryGetGateway(ip, out var dialled))
            {
                trace?.Add("dns", false, $"pinned address {ip} is not a gateway of any region: nothing answers on port 3306");
                return (null, ConnectionErrors.GatewayUnreachable(ip.ToString()));
            }
            trace?.Add("dns", true, $"dialled the pinned address {ip} ({dialled.State} gateway of {dialled.Region}); DNS not consulted");
            return (dialled, null);
        }

        var label = ServerLabel(host);
        if (label is null || !directory.TryGetServerRegion(label, out var region) || !directory.TryGetNewestGateway(region, out var gateway))
        {
            trace?.Add("dns", false, $"'{host}' does not resolve: no server '{label}' ends in {FleetDirectory.HostSuffix}");
            return (null, ConnectionErrors.HostNotFound(host ?? ""));
        }
        trace?.Add("dns", true, $"{host} resolves to {gateway.Ip}, the current gateway of region {region} (the server's own address is never exposed)");
        return (gateway, null);
    }

    /// <summary>
    /// The gateway's part: refuse a retired address, route on the server named in the user name
    /// (not the host that was dialled), refuse servers it does not serve, and present the client
    /// as the Azure network delivers it.
    /// </summary>
    public static (Route? Route, Verdict? Denial) Route(FleetDirectory directory, GatewayAddress gateway, ConnectionAttempt attempt, DecisionTrace? trace)
    {
        if (gateway.State == GatewayState.Decommissioned)
        {
            trace?.Add("gateway", false, $"{gateway.Ip} is a decommissioned gateway of {gateway.Region}: it no longer accepts connections");
            return (null, ConnectionErrors.GatewayUnreachable(gateway.Text));
        }
        trace?.Add("gateway", true, $"{gateway.Ip} ({gateway.State}, {gateway.Region}) accepted TCP on 3306 and terminated TLS {attempt.Tls.ToOffered()}");

        var (login, named, how) = SplitUser(attempt.User, attempt.Host);
        // Server names are Azure resource names: any case names the server, routed by its own spelling.
        var server = named;
        if (named is null || !directory.TryGetServer(named, out server, out var region) || region != gateway.Region)
        {
            var why = server is null ? "the user name has no @server suffix and the host names no server"
                : directory.TryGetServerRegion(server, out var other) ? $"server '{server}' is in {other}, not served by this gateway of {gateway.Region}"
                : $"no server '{server}' in the fleet";
            trace?.Add("route", false, $"{how}: {why}");
            return (null, ConnectionErrors.ServerNotFound(server ?? ""));
        }
        trace?.Add("route", true, $"{how}: routed login '{login}' to server '{server}'");

        var source = Present(directory, attempt.Source);
        trace?.Add("source", true, $"the client arrives as {source}");
        return (new Route(server, login, source), null);
    }

    /// <summary>The gateway routes on user@server; without a suffix, the host's first label names the server [FleetSim rule].</summary>
    public static (string Login, string? Server, string How) SplitUser(string user, string? host)
    {
        var at = user.LastIndexOf('@');
        if (at >= 0)
            return (user[..at], user[(at + 1)..], $"user name '{user}' names server '{user[(at + 1)..]}'");
        var label = ServerLabel(host);
        return (user, label, label is null ? $"user name '{user}' has no @server suffix" : $"user name '{user}' has no suffix; host {host} names server '{label}'");
    }

    private static string? ServerLabel(string? host) =>
        host is not null && host.EndsWith(FleetDirectory.HostSuffix, StringComparison.OrdinalIgnoreCase) && host.Length > FleetDirectory.HostSuffix.Length
            ? host[..^FleetDirectory.HostSuffix.Length].ToLowerInvariant()
            : null;

    private static PresentedSource Present(FleetDirectory directory, ClientSource source) => source switch
    {
        ClientSource.Internet s => new PresentedSource(PresentedKind.Internet, s.Ip),
        ClientSource.Azure s => new PresentedSource(PresentedKind.Azure, s.Ip),
        ClientSource.PrivateEndpoint s => new PresentedSource(PresentedKind.PrivateEndpoint, s.Ip ?? default, PrivateEndpoint: s.Name),
        ClientSource.Subnet s when directory.TryGetSubnet(s.SubnetId, out var subnet) && !subnet.HasSqlServiceEndpoint =>
            // Without the endpoint the subnet's traffic leaves through its outbound Azure address.
            new PresentedSource(PresentedKind.Azure, subnet.OutboundIp ?? s.Ip),
        ClientSource.Subnet s => new PresentedSource(PresentedKind.ServiceEndpoint, s.Ip, SubnetId: s.SubnetId),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}

using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Routing;

/// <summary>The ordinary client: dials the server's host name, logs in as admin@server over TLS 1.2 from the internet.</summary>
internal static class Attempts
{
    public static ConnectionAttempt To(string server) => new(
        Host: Fleets.Host(server),
        GatewayIp: null,
        User: $"{Servers.AdminLogin}@{server}",
        Password: Servers.AdminPassword,
        Tls: TlsVersion.Tls1_2,
        Source: new ClientSource.Internet(Ipv4.Parse(Clients.InternetIp)));
}

using FleetSim.Contracts.Connections;
using FleetSim.Scenarios.Generation;
using FleetSim.Policy.Spec;

namespace FleetSim.LoadTests.Bench;

/// <summary>One login per server of a generated fleet: its administrator, from inside its first firewall rule, over TLS 1.2.</summary>
public static class BenchRequests
{
    public static ConnectRequest[] For(FleetSpec fleet) =>
    [
        .. fleet.Servers.Select(server => new ConnectRequest(
            $"{server.Name}{Policy.Routing.FleetDirectory.HostSuffix}",
            $"{FleetGenerator.AdministratorLogin}@{server.Name}",
            server.AdministratorLoginPassword,
            TlsVersion.Tls1_2,
            new SourceAddress(server.FirewallRules[0].StartIpAddress),
            "bench",
            Hold: true)),
    ];
}

using CsCheck;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.WhatIf;

/// <summary>
/// Random fleets of a few servers with overlapping firewall rules in one /20, and random attempts
/// at them from that /20 (right or wrong password, with or without TLS): where rules and clients meet often.
/// </summary>
internal static class RandomTraffic
{
    private const string Gateway = "40.71.8.203";

    // Addresses from a /20, so that random rules and random clients meet often.
    public static readonly Gen<uint> Address = Gen.UInt[0, 4095].Select(offset => Ipv4.Parse("198.51.96.0").Value + offset);

    private static readonly Gen<FirewallRuleSpec> Rule = Gen.Select(Address, Gen.UInt[0, 300]).Select((start, width) =>
        Servers.Rule($"r{start}-{width}", new Ipv4(start).ToString(), new Ipv4(Math.Min(start + width, Ipv4.Parse("198.51.111.255").Value)).ToString()));

    private static readonly Gen<FleetSpec> Fleet = Gen.Select(Rule.List[0, 12], Gen.Int[1, 4]).Select((rules, servers) => new FleetSpec
    {
        Regions = [new RegionSpec { Name = Servers.Region, Gateways = [new GatewaySpec { Ip = Gateway }] }],
        Servers = [.. Enumerable.Range(0, servers).Select(i => Servers.Named($"s{i}") with
        {
            // Each server takes every i-th rule, with unique names per server.
            FirewallRules = [.. rules.Where((_, n) => n % servers == i).DistinctBy(r => r.Name)],
        })],
    });

    private static Gen<ConnectionAttempt> Attempts(int servers) =>
        Gen.Select(Gen.Int[0, servers - 1], Address, Gen.Bool, Gen.Int[0, 2].Select(i => i == 0 ? TlsVersion.None : i == 1 ? TlsVersion.Tls1_2 : TlsVersion.Tls1_3))
            .Select((server, ip, rightPassword, tls) => new ConnectionAttempt($"s{server}{FleetDirectory.HostSuffix}", null,
                $"{Servers.AdminLogin}@s{server}", rightPassword ? Servers.AdminPassword : "guess", tls, new ClientSource.Internet(new Ipv4(ip))));

    public static readonly Gen<(FleetSpec Fleet, ConnectionAttempt[] Attempts)> Traffic =
        Fleet.SelectMany(fleet => Attempts(fleet.Servers.Count).Array[1, 40].Select(attempts => (fleet, attempts)));
}

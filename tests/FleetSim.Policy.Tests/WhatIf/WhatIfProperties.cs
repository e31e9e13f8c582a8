using CsCheck;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Policy.Tests.WhatIf;

/// <summary>
/// What `whatif` promises, on random fleets and traffic: a fleet compared with itself changes
/// nothing, and a change touches only the attempts it can touch.
/// </summary>
public sealed class WhatIfProperties
{
    private const string Gateway = "40.71.8.203";

    // Addresses from a /20, so that random rules and random clients meet often.
    private static readonly Gen<uint> Address = Gen.UInt[0, 4095].Select(offset => Ipv4.Parse("198.51.96.0").Value + offset);

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

    private static readonly Gen<(FleetSpec Fleet, ConnectionAttempt[] Attempts)> Traffic =
        Fleet.SelectMany(fleet => Attempts(fleet.Servers.Count).Array[1, 40].Select(attempts => (fleet, attempts)));

    [Fact]
    public void A_fleet_compared_with_itself_changes_nothing() =>
        Traffic.Sample(sample =>
        {
            var (before, after) = (new FleetDecisions(sample.Fleet), new FleetDecisions(sample.Fleet));
            Assert.All(sample.Attempts, attempt =>
                Assert.Equal(DecisionChange.None, DecisionChanges.Compare(before.Decide(attempt).Verdict, after.Decide(attempt).Verdict)));
        });

    [Fact]
    public void Removing_a_firewall_rule_changes_only_attempts_to_its_server_from_its_range() =>
        Traffic.Where(s => s.Fleet.Servers[0].FirewallRules.Count > 0).Sample(sample =>
        {
            var server = sample.Fleet.Servers[0];
            var removed = server.FirewallRules[0];
            var proposal = sample.Fleet with { Servers = [server with { FirewallRules = [.. server.FirewallRules.Skip(1)] }, .. sample.Fleet.Servers.Skip(1)] };
            var (current, proposed) = (new FleetDecisions(sample.Fleet), new FleetDecisions(proposal));
            foreach (var attempt in sample.Attempts)
            {
                var (was, would) = (current.Decide(attempt), proposed.Decide(attempt));
                if (DecisionChanges.Compare(was.Verdict, would.Verdict) == DecisionChange.None)
                    continue;
                // The rule let it past the firewall: then allowed, or refused by a later stage (a wrong password).
                Assert.Equal(server.Name, was.Server);
                var range = new Ipv4Range(Ipv4.Parse(removed.StartIpAddress!), Ipv4.Parse(removed.EndIpAddress!));
                Assert.True(range.Contains(((ClientSource.Internet)attempt.Source).Ip));
                // Then either nothing admits it any more, or another rule does where this one decided.
                Assert.True(would.Verdict.Reason == ConnectionReason.FirewallDenied || was.Verdict.Rule == removed.Name,
                    $"{was.Verdict} -> {would.Verdict}");
            }
        });

    [Fact]
    public void The_change_is_named_by_how_the_decision_moved()
    {
        var allowed = Verdict.Allow("office");

        Assert.Equal(DecisionChange.Lost, DecisionChanges.Compare(allowed, ConnectionErrors.FirewallDenied("192.0.2.1")));
        Assert.Equal(DecisionChange.Gained, DecisionChanges.Compare(ConnectionErrors.SslRequired, allowed));
        Assert.Equal(DecisionChange.Changed, DecisionChanges.Compare(allowed, Verdict.Allow("ci-runner")));
        Assert.Equal(DecisionChange.Changed, DecisionChanges.Compare(ConnectionErrors.SslRequired, ConnectionErrors.FirewallDenied("192.0.2.1")));
        Assert.Equal(DecisionChange.None, DecisionChanges.Compare(allowed, Verdict.Allow("office")));
    }
}

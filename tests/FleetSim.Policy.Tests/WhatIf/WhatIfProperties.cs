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
    private static readonly Gen<(FleetSpec Fleet, ConnectionAttempt[] Attempts)> Traffic = RandomTraffic.Traffic;

    [Fact]
    public void A_fleet_compared_with_itself_changes_nothing() =>
        Traffic.Sample(sample =>
        {
            var (before, after) = (new FleetDecisions(sample.Fleet), new FleetDecisions(sample.Fleet));
            Assert.All(sample.Attempts, attempt =>
                Assert.Equal(DecisionChange.None, DecisionChanges.Compare(before.Decide(attempt).Verdict, after.Decide(attempt).Verdict)));
        });

    [Fact]
    public void A_replay_without_passwords_decides_as_the_recording_did_under_the_same_fleet() =>
        Traffic.Sample(sample =>
        {
            var fleet = new FleetDecisions(sample.Fleet);
            Assert.All(sample.Attempts, attempt =>
            {
                // What the gateway log keeps: the verdict's authentication outcome, never the password.
                var recorded = fleet.Decide(attempt).Verdict;
                var replayed = fleet.Replay(attempt with { Password = null }, recorded.Authenticated).Verdict;
                Assert.Equal(DecisionChange.None, DecisionChanges.Compare(recorded, replayed));
            });
        });

    [Fact]
    public void A_replayed_login_the_proposal_no_longer_has_is_refused_by_authentication()
    {
        var fleet = RandomTraffic.Traffic.Single().Fleet;
        var server = fleet.Servers[0] with { FirewallRules = [Servers.Rule("all", "0.0.0.0", "255.255.255.255")] };
        var attempt = new ConnectionAttempt($"{server.Name}{FleetDirectory.HostSuffix}", null, $"ghost@{server.Name}", null, TlsVersion.Tls1_2,
            new ClientSource.Internet(Ipv4.Parse("198.51.100.7")));

        var verdict = new FleetDecisions(fleet with { Servers = [server] }).Replay(attempt, authenticated: true).Verdict;

        Assert.Equal((ConnectionReason.AccessDenied, Verdict.AccessDeniedCode), (verdict.Reason, verdict.Code));
    }

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

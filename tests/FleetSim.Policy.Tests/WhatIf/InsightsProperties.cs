using CsCheck;
using FleetSim.Policy.Insights;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Policy.Tests.WhatIf;

/// <summary>What `insights` says about rules is true of the decisions the fleet makes.</summary>
public sealed class InsightsProperties
{
    [Fact]
    public void Removing_any_one_rule_reported_redundant_changes_no_allow_or_deny_decision() =>
        RandomTraffic.Traffic.Sample(sample =>
        {
            var current = new FleetDecisions(sample.Fleet);
            foreach (var finding in FleetInsights.Of(sample.Fleet).Where(f => f.Kind == FindingKinds.Redundant))
            {
                var proposal = sample.Fleet with
                {
                    Servers = [.. sample.Fleet.Servers.Select(s => s.Name == finding.Server
                        ? s with { FirewallRules = [.. s.FirewallRules.Where(r => r.Name != finding.Rule)] }
                        : s)],
                };
                var proposed = new FleetDecisions(proposal);
                Assert.All(sample.Attempts, attempt =>
                    Assert.Equal(current.Decide(attempt).Verdict.Allowed, proposed.Decide(attempt).Verdict.Allowed));
            }
        });

    [Fact]
    public void A_rule_is_covered_only_when_the_other_rules_leave_no_address_of_it_out() =>
        Gen.Select(RandomTraffic.Address, Gen.UInt[0, 64], RandomTraffic.Address.Select(Gen.UInt[0, 64], (start, width) => (start, width)).Array[0, 6])
            .Sample((start, width, others) =>
            {
                var range = new Ipv4Range(new Ipv4(start), new Ipv4(start + width));
                var ranges = others.Select(o => new Ipv4Range(new Ipv4(o.start), new Ipv4(o.start + o.width))).ToList();
                var everyAddressCovered = Enumerable.Range(0, (int)width + 1).All(i => ranges.Any(r => r.Contains(new Ipv4(start + (uint)i))));
                Assert.Equal(everyAddressCovered, RedundantRules.Covered(range, ranges));
            });

    [Fact]
    public void Two_identical_rules_are_both_reported_with_the_advice_to_remove_only_one()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.Rule("a", "203.0.113.0", "203.0.113.255"), Servers.Rule("b", "203.0.113.0", "203.0.113.255")] };

        var findings = RedundantRules.Of(server).ToList();

        Assert.Equal(["a", "b"], findings.Select(f => f.Rule));
        Assert.All(findings, f => Assert.Contains("one at a time", f.Advice, StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_services_and_the_whole_internet_are_broad()
    {
        var fleet = new FleetSpec { Servers = [Servers.Contoso with { FirewallRules = [Servers.AllowAllAzureIps, Servers.AllowWholeInternet], MinimalTlsVersion = "TLS1_2" }] };

        var findings = FleetInsights.Of(fleet).ToList();

        Assert.Equal([(FindingKinds.Broad, Servers.AllowAllAzureIpsName), (FindingKinds.Broad, "AllowAll")],
            findings.Where(f => f.Kind == FindingKinds.Broad).Select(f => (f.Kind, f.Rule)));
        Assert.DoesNotContain(findings, f => f.Kind == FindingKinds.WeakTls);
    }
}

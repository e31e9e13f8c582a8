using CsCheck;
using FleetSim.Policy.Insights;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Policy.Tests.WhatIf;

/// <summary>What `insights --traffic` says about rules holds for the decisions the fleet makes on that traffic.</summary>
public sealed class TrafficInsightsProperties
{
    private static List<Finding> Findings(FleetSpec fleet, IEnumerable<FleetSim.Policy.Routing.ConnectionAttempt> attempts, int maxRanges = TrafficInsights.DefaultMaxRanges)
    {
        var decisions = new FleetDecisions(fleet);
        var insights = new TrafficInsights(fleet, maxRanges, minDenials: 1);
        foreach (var attempt in attempts)
            insights.Add(decisions.Decide(attempt));
        return [.. insights.Findings()];
    }

    private static FleetSpec Replace(FleetSpec fleet, string server, string rule, Func<FirewallRuleSpec, IEnumerable<FirewallRuleSpec>> by) => fleet with
    {
        Servers = [.. fleet.Servers.Select(s => s.Name == server ? s with { FirewallRules = [.. s.FirewallRules.SelectMany(r => r.Name == rule ? by(r) : [r])] } : s)],
    };

    [Fact]
    public void Replacing_a_rule_by_its_suggested_ranges_keeps_every_observed_client_and_admits_nothing_new() =>
        Gen.Select(RandomTraffic.Traffic, Gen.Int[1, 5]).Sample((sample, maxRanges) =>
        {
            var current = new FleetDecisions(sample.Fleet);
            foreach (var finding in Findings(sample.Fleet, sample.Attempts, maxRanges).Where(f => f.Kind == FindingKinds.OverlyPermissive))
            {
                var rule = sample.Fleet.Servers.Single(s => s.Name == finding.Server).FirewallRules.Single(r => r.Name == finding.Rule);
                var range = new Ipv4Range(Ipv4.Parse(rule.StartIpAddress!), Ipv4.Parse(rule.EndIpAddress!));
                Assert.InRange(finding.Suggested!.Count, 1, maxRanges);
                Assert.All(finding.Suggested!, r => Assert.True(range.Contains(r.Start) && range.Contains(r.End), $"{r} is outside {range}"));
                var proposed = new FleetDecisions(Replace(sample.Fleet, finding.Server, finding.Rule!,
                    r => finding.Suggested!.Select((s, i) => Servers.Rule($"{r.Name}-{i}", s.Start.ToString(), s.End.ToString()))));
                Assert.All(sample.Attempts.Where(a => current.Decide(a).Verdict.Allowed), attempt => Assert.True(proposed.Decide(attempt).Verdict.Allowed));
            }
        });

    [Fact]
    public void Removing_every_rule_reported_unused_changes_no_decision_of_the_traffic() =>
        RandomTraffic.Traffic.Sample(sample =>
        {
            var unused = Findings(sample.Fleet, sample.Attempts).Where(f => f.Kind == FindingKinds.Unused).Select(f => (f.Server, f.Rule)).ToHashSet();
            var proposal = sample.Fleet with
            {
                Servers = [.. sample.Fleet.Servers.Select(s => s with { FirewallRules = [.. s.FirewallRules.Where(r => !unused.Contains((s.Name!, r.Name)))] })],
            };
            var (current, proposed) = (new FleetDecisions(sample.Fleet), new FleetDecisions(proposal));
            Assert.All(sample.Attempts, attempt =>
                Assert.Equal(DecisionChange.None, DecisionChanges.Compare(current.Decide(attempt).Verdict, proposed.Decide(attempt).Verdict)));
        });

    [Fact]
    public void Covering_ranges_cover_every_address_with_the_least_total_size_any_cut_gives() =>
        Gen.Select(Gen.UInt[0, 200].Array[1, 9], Gen.Int[1, 4]).Sample((values, k) =>
        {
            var addresses = values.Select(v => new Ipv4(v)).ToList();
            var ranges = CoveringRanges.Of(addresses, k);

            Assert.InRange(ranges.Count, 1, k);
            Assert.All(addresses, a => Assert.Contains(ranges, r => r.Contains(a)));
            Assert.Equal(LeastTotalSize([.. values.Distinct().Order()], k), ranges.Sum(r => r.Size));
        });

    /// <summary>The model: every way of splitting the sorted addresses into at most k runs, the smallest total span.</summary>
    private static long LeastTotalSize(uint[] sorted, int k)
    {
        if (k == 1 || sorted.Length == 1)
            return (long)sorted[^1] - sorted[0] + 1;
        var best = (long)sorted[^1] - sorted[0] + 1;
        for (var cut = 1; cut < sorted.Length; cut++)
            best = Math.Min(best, (long)sorted[cut - 1] - sorted[0] + 1 + LeastTotalSize(sorted[cut..], k - 1));
        return best;
    }
}

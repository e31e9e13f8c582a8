using CsCheck;
using FleetSim.Policy.Network;

namespace FleetSim.Policy.Tests.Network;

/// <summary>The compiled matcher is an optimisation: it must answer exactly what the linear scan answers.</summary>
public sealed class FirewallRuleSetProperties
{
    private const long Iterations = 2_000;

    [Fact]
    public void Compiled_match_names_the_same_rule_as_the_linear_scan() =>
        FirewallGen.RuleSetsWithProbes.Sample((rules, probes) =>
        {
            var compiled = new FirewallRuleSet(rules);
            foreach (var ip in probes)
                AssertSameRule(LinearFirewallScan.Match(rules, ip), compiled.Match(ip), ip, "Match");
        }, iter: Iterations);

    [Fact]
    public void MatchAzure_names_the_more_specific_of_the_rule_holding_the_address_and_the_rule_holding_0_0_0_0() =>
        FirewallGen.RuleSetsWithProbes.Sample((rules, probes) =>
        {
            var compiled = new FirewallRuleSet(rules);
            foreach (var ip in probes)
                AssertSameRule(NaiveMatchAzure(rules, ip), compiled.MatchAzure(ip), ip, "MatchAzure");
        }, iter: Iterations);

    [Fact]
    public void Every_rule_admits_its_own_first_and_last_address() =>
        FirewallGen.RuleSets.Sample(rules =>
        {
            var compiled = new FirewallRuleSet(rules);
            foreach (var rule in rules)
            {
                Assert.NotNull(compiled.Match(rule.Range.Start));
                Assert.NotNull(compiled.Match(rule.Range.End));
            }
        }, iter: Iterations);

    [Fact]
    public void An_empty_rule_set_matches_no_address() =>
        Gen.UInt.Sample(v =>
        {
            Assert.Null(FirewallRuleSet.Empty.Match(new Ipv4(v)));
            Assert.Null(FirewallRuleSet.Empty.MatchAzure(new Ipv4(v)));
        });

    // Azure traffic is presented as 0.0.0.0 [FleetSim rule]: every rule containing either the
    // client's own address or 0.0.0.0 admits it, and the verdict names the most specific of them.
    private static FirewallRule? NaiveMatchAzure(IReadOnlyList<FirewallRule> rules, Ipv4 ip)
    {
        FirewallRule? best = null;
        foreach (var rule in rules)
        {
            var admits = rule.Range.Contains(ip) || rule.Range.Contains(Ipv4.AzureServices);
            if (admits && (best is null || FirewallRule.CompareSpecificity(rule, best) < 0))
                best = rule;
        }
        return best;
    }

    private static void AssertSameRule(FirewallRule? expected, FirewallRule? actual, Ipv4 ip, string method)
    {
        if (!Equals(expected, actual))
            Assert.Fail($"{method}({ip}): the naive answer is {Describe(expected)} but FirewallRuleSet answered {Describe(actual)}");
    }

    private static string Describe(FirewallRule? rule) => rule is null ? "no rule" : $"'{rule.Name}' ({rule.Range})";
}

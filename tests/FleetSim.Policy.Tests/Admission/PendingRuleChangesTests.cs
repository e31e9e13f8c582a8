using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// Firewall and VNet rule changes take ruleChangeDelay to apply (DOMAIN: up to five minutes), counted
/// from when the change was made; until then the server judges by the rules it had.
/// </summary>
public sealed class PendingRuleChangesTests
{
    private static readonly DateTimeOffset Changed = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);
    private static readonly ServerSpec Before = Servers.Contoso with { FirewallRules = [Servers.Rule("office", "203.0.113.7", "203.0.113.7")] };
    private static readonly ServerSpec After = Before with { FirewallRules = [Servers.Rule("home", "198.51.100.9", "198.51.100.9")], Sku = "GP_Gen5_8" };

    [Fact]
    public void Until_the_delay_has_passed_the_old_rules_apply_with_the_rest_of_the_new_specification()
    {
        var rules = new PendingRuleChanges();

        Assert.True(rules.Change(Before, After, Delay, Changed));

        var judged = rules.Apply(After);
        Assert.Equal(Before.FirewallRules, judged.FirewallRules);
        Assert.Equal("GP_Gen5_8", judged.Sku);
        Assert.Equal(Changed + Delay, rules.TakesEffectAt);
    }

    [Fact]
    public void Once_the_delay_has_passed_the_new_rules_apply()
    {
        var rules = new PendingRuleChanges();
        rules.Change(Before, After, Delay, Changed);

        Assert.False(rules.TakeEffect(Changed + Delay - TimeSpan.FromSeconds(1)));
        Assert.True(rules.TakeEffect(Changed + Delay));

        Assert.Equal(After, rules.Apply(After));
        Assert.Null(rules.TakesEffectAt);
    }

    [Fact]
    public void A_new_server_a_zero_delay_or_a_change_that_leaves_the_rules_alone_applies_at_once()
    {
        var rules = new PendingRuleChanges();

        Assert.False(rules.Change(null, After, Delay, Changed));
        Assert.False(rules.Change(Before, After, TimeSpan.Zero, Changed));
        Assert.False(rules.Change(Before, Before with { Sku = "GP_Gen5_8" }, Delay, Changed));
        Assert.Null(rules.TakesEffectAt);
    }

    [Fact]
    public void A_change_back_to_the_rules_in_force_cancels_the_waiting_one()
    {
        var rules = new PendingRuleChanges();
        rules.Change(Before, After, Delay, Changed);

        Assert.False(rules.Change(rules.Apply(After), Before, Delay, Changed + TimeSpan.FromMinutes(1)));

        Assert.Equal(Before, rules.Apply(Before));
    }

    [Fact]
    public void A_further_change_while_one_waits_keeps_the_rules_in_force_and_waits_from_its_own_time()
    {
        var rules = new PendingRuleChanges();
        rules.Change(Before, After, Delay, Changed);
        var third = After with { FirewallRules = [Servers.AllowWholeInternet] };

        rules.Change(rules.Apply(After), third, Delay, Changed + TimeSpan.FromMinutes(2));

        Assert.Equal(Before.FirewallRules, rules.Apply(third).FirewallRules);
        Assert.Equal(Changed + TimeSpan.FromMinutes(2) + Delay, rules.TakesEffectAt);
    }

    [Fact]
    public void A_virtual_network_rule_change_waits_too_and_subnet_ids_compare_ignoring_case()
    {
        const string Subnet = "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app";
        var withRule = Before with { VirtualNetworkRules = [Servers.VnetRule("app", Subnet)] };
        var rules = new PendingRuleChanges();

        Assert.True(rules.Change(Before, withRule, Delay, Changed));
        Assert.False(rules.Change(withRule, withRule with { VirtualNetworkRules = [Servers.VnetRule("app", Subnet.ToUpperInvariant())] }, Delay, Changed));
    }

    [Fact]
    public void A_waiting_change_saved_and_restored_keeps_its_rules_and_its_time()
    {
        var rules = new PendingRuleChanges();
        rules.Change(Before, After, Delay, Changed);

        var restored = PendingRuleChanges.Restore([.. rules.FirewallRulesInForce], [.. rules.VirtualNetworkRulesInForce], rules.TakesEffectAt);

        Assert.Equal(Before.FirewallRules, restored.Apply(After).FirewallRules);
        Assert.Equal(Changed + Delay, restored.TakesEffectAt);
    }
}

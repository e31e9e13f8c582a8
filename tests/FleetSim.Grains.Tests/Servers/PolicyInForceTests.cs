using FleetSim.Contracts.Connections;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests.Servers;

/// <summary>
/// What a server judges connections by as time passes, on a fake clock: a rule change waits out
/// ruleChangeDelay from when it was made; a lost key makes the server Inaccessible after the
/// revocation delay, until it is revalidated with the key usable again.
/// </summary>
public sealed class PolicyInForceTests
{
    private const string Office = "203.0.113.7";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly PolicyInForce _served = new(Server, NullLogger.Instance);

    private static FleetContext Context(string keyState = "Enabled") => new([], [], null, TimeSpan.FromMinutes(5),
        [new KeyVaultSpec { Name = "kv", Keys = [new KeyVaultKeySpec { Name = "cmk", State = keyState }] }], TimeSpan.FromMinutes(10));

    private static ServerSpec WithKey(params FirewallRuleSpec[] rules) => Contoso(rules) with { DataEncryption = new DataEncryptionSpec { KeyVault = "kv", KeyName = "cmk" } };

    private void Provision(ServerSpec spec, FleetContext context)
    {
        _served.Change(spec, context.RuleChangeDelay, _clock.GetUtcNow());
        _served.Configure(spec, context, _clock.GetUtcNow());
    }

    [Fact]
    public void A_rule_change_keeps_the_old_rules_until_the_delay_from_when_it_was_made_has_passed()
    {
        Provision(Contoso(), Context());
        Provision(Contoso(Rule("office", Office)), Context());

        _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.False(_served.TimePassed(_clock.GetUtcNow()));
        Assert.Empty(_served.Policy!.FirewallRules.Rules);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_served.TimePassed(_clock.GetUtcNow()));
        Assert.Single(_served.Policy!.FirewallRules.Rules);
        Assert.Null(_served.Status(0).PendingRulesApplyAt);
    }

    [Fact]
    public void A_lost_key_makes_the_server_Inaccessible_after_the_delay_and_only_a_revalidation_with_the_key_back_serves_again()
    {
        Provision(WithKey(), Context());
        Provision(WithKey(), Context("AccessRevoked"));

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(_served.TimePassed(_clock.GetUtcNow()));
        Assert.Equal((false, ServerState.Inaccessible), (_served.CanServe, _served.Policy!.State));

        Assert.NotNull(_served.RevalidateKey());
        Provision(WithKey(), Context());
        Assert.False(_served.CanServe);
        Assert.Null(_served.RevalidateKey());
        Assert.True(_served.CanServe);
    }
}

using FleetSim.Contracts.Connections;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests.Servers;

/// <summary>
/// A server's threat watch, without a cluster: brute force after the fleet's threshold, what was
/// learned kept across re-provisioning and saves, and nothing watched while protection is off.
/// </summary>
public sealed class ThreatWatchTests
{
    private const string Attacker = "198.51.100.23";
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly FleetContext ThreeFailures = new([], [], new ThreatDetectionSpec { BruteForceThreshold = 3, BruteForceWindow = "10m" });

    private static ServerSpec Protected(string state = "Enabled") => Contoso() with { ThreatProtection = new ThreatProtectionSpec { State = state } };

    private static ThreatWatch Watching(ThreatDetectorState? learned = null, string state = "Enabled")
    {
        var watch = new ThreatWatch(learned);
        watch.Configure(Protected(state), ThreeFailures);
        return watch;
    }

    private static IReadOnlyList<SecurityAlert> WrongPassword(ThreatWatch watch, int second) =>
        watch.Observe(At.AddSeconds(second), Attacker, Admin, null, succeeded: false, 1045, userExists: true);

    [Fact]
    public void Brute_force_is_raised_at_the_fleet_s_threshold_of_failed_logins()
    {
        var watch = Watching();

        Assert.Empty(WrongPassword(watch, 0));
        Assert.Empty(WrongPassword(watch, 1));
        var alert = Assert.Single(WrongPassword(watch, 2));

        Assert.Equal((ThreatAlertKind.BruteForce, Attacker, Server), (alert.Kind, alert.Ip, alert.Server));
    }

    [Fact]
    public void A_login_observed_is_unsaved_until_exported()
    {
        var watch = Watching();
        Assert.False(watch.Unsaved);

        WrongPassword(watch, 0);
        Assert.True(watch.Unsaved);

        Assert.NotNull(watch.Export());
        Assert.False(watch.Unsaved);
    }

    [Fact]
    public void While_threat_protection_is_off_nothing_is_watched_or_left_to_save()
    {
        var watch = Watching(state: "Disabled");

        var alerts = Enumerable.Range(0, 5).SelectMany(i => WrongPassword(watch, i)).ToList();

        Assert.Empty(alerts);
        Assert.False(watch.Unsaved);
    }

    private static ThreatWatch AfterTwoFailures()
    {
        var watch = Watching();
        WrongPassword(watch, 0);
        WrongPassword(watch, 1);
        return watch;
    }

    [Fact]
    public void Re_provisioning_keeps_what_was_learned()
    {
        var watch = AfterTwoFailures();

        watch.Configure(Protected(), ThreeFailures);

        Assert.Single(WrongPassword(watch, 2));
    }

    [Fact]
    public void Re_provisioning_takes_the_new_policy_s_disabled_alerts()
    {
        var watch = AfterTwoFailures();

        watch.Configure(Contoso() with { ThreatProtection = new ThreatProtectionSpec { State = "Enabled", DisabledAlerts = ["BruteForce"] } }, ThreeFailures);

        Assert.Empty(WrongPassword(watch, 2));
    }

    [Fact]
    public void A_watch_restored_from_what_was_saved_continues_counting()
    {
        var after = Watching(AfterTwoFailures().Export());

        Assert.Single(WrongPassword(after, 2));
    }
}

using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using Microsoft.Extensions.Time.Testing;

namespace FleetSim.Policy.Tests.Threats;

/// <summary>DOMAIN, "Threat protection": which logins raise which alerts.</summary>
public sealed class ThreatDetectorTests
{
    private static readonly ThreatDetectionSettings ThreeFailuresInAMinute = new(
        learningPeriod: TimeSpan.FromDays(7), bruteForceThreshold: 3, bruteForceWindow: TimeSpan.FromMinutes(1),
        ThreatDetectionSpec.DefaultHarmfulApplications, alertSuppression: TimeSpan.FromHours(1));

    private static List<SecurityAlert> Observe(ThreatDetector detector, params LoginEvent[] logins) =>
        [.. logins.SelectMany(login => detector.Observe(login))];

    [Fact]
    public void Brute_force_is_raised_after_the_threshold_of_failures_within_the_window()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);
        var clock = new FakeTimeProvider(Logins.Start);

        Assert.Empty(detector.Observe(Logins.WrongPassword(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Empty(detector.Observe(Logins.WrongPassword(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromSeconds(20));
        var alert = Assert.Single(detector.Observe(Logins.WrongPassword(clock.GetUtcNow())));

        Assert.Equal(("SQL.MariaDB_BruteForce", AlertSeverity.Medium, Logins.AttackerIp, Logins.Server, clock.GetUtcNow()),
            (alert.AlertType, alert.Severity, alert.Ip, alert.Server, alert.At));
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_are_not_a_brute_force()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);

        var alerts = Observe(detector,
            Logins.WrongPassword(Logins.Start),
            Logins.WrongPassword(Logins.Start.AddSeconds(40)),
            Logins.WrongPassword(Logins.Start.AddSeconds(80)),
            Logins.WrongPassword(Logins.Start.AddSeconds(120)));

        Assert.Empty(alerts);
    }

    [Fact]
    public void Failures_from_different_addresses_do_not_add_up()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);

        Assert.Empty(Observe(detector,
            Logins.WrongPassword(Logins.Start, ip: "192.0.2.1"),
            Logins.WrongPassword(Logins.Start, ip: "192.0.2.2"),
            Logins.WrongPassword(Logins.Start, ip: "192.0.2.3")));
    }

    [Fact]
    public void Brute_force_describes_whether_the_failures_used_an_existing_user()
    {
        var withValidUser = Observe(Logins.Detector(settings: ThreeFailuresInAMinute),
            Logins.WrongPassword(Logins.Start, user: "root", userExists: false),
            Logins.WrongPassword(Logins.Start, user: "app"),
            Logins.WrongPassword(Logins.Start, user: "sa", userExists: false)).Single();
        var withoutValidUser = Observe(Logins.Detector(settings: ThreeFailuresInAMinute),
            Logins.WrongPassword(Logins.Start, user: "root", userExists: false),
            Logins.WrongPassword(Logins.Start, user: "sa", userExists: false),
            Logins.WrongPassword(Logins.Start, user: "admin", userExists: false)).Single();

        Assert.Contains("with the existing user 'app'", withValidUser.Description, StringComparison.Ordinal);
        Assert.Equal("app", withValidUser.User);
        Assert.Contains("with users that do not exist on the server (last tried: 'admin')", withoutValidUser.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_login_after_a_detected_brute_force_is_a_High_successful_brute_force()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);
        Observe(detector, Logins.WrongPassword(Logins.Start), Logins.WrongPassword(Logins.Start), Logins.WrongPassword(Logins.Start));

        var alerts = detector.Observe(Logins.Success(Logins.Start.AddMinutes(2), ip: Logins.AttackerIp));

        var alert = Assert.Single(alerts, a => a.Kind == ThreatAlertKind.BruteForce);
        Assert.Equal(AlertSeverity.High, alert.Severity);
        Assert.StartsWith("Successful brute force", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_login_without_a_detected_attack_is_no_brute_force()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);

        Assert.Empty(Observe(detector, Logins.WrongPassword(Logins.Start), Logins.Success(Logins.Start.AddSeconds(5), ip: Logins.AttackerIp)));
    }

    [Fact]
    public void An_ongoing_attack_is_one_alert_per_suppression_period()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);
        var clock = new FakeTimeProvider(Logins.Start);
        var alerts = new List<SecurityAlert>();

        // A failure every 10 seconds for two hours: the threshold is met from the third one on.
        for (var i = 0; i < 720; i++)
        {
            alerts.AddRange(detector.Observe(Logins.WrongPassword(clock.GetUtcNow())));
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal([Logins.Start.AddSeconds(20), Logins.Start.AddHours(1).AddSeconds(20)], alerts.Select(a => a.At));
    }

    [Theory]
    [InlineData("sqlmap/1.8.2#stable")]
    [InlineData("Hydra v9.5")]
    [InlineData("nmap")]
    public void A_login_attempt_by_an_attack_tool_is_a_High_harmful_application(string app)
    {
        var alert = Assert.Single(Logins.Detector().Observe(Logins.WrongPassword(Logins.Start, app: app)));

        Assert.Equal(("SQL.MariaDB_HarmfulApplication", AlertSeverity.High), (alert.AlertType, alert.Severity));
    }

    [Fact]
    public void Ordinary_clients_are_not_harmful_applications()
    {
        Assert.Empty(Logins.Detector().Observe(Logins.Success(Logins.Start, app: "mysql-connector-net")));
    }

    [Fact]
    public void A_successful_login_from_a_flagged_address_is_a_Medium_suspicious_ip_anomaly()
    {
        var alert = Assert.Single(Logins.Detector().Observe(Logins.Success(Logins.Start, ip: Logins.BotnetIp)));

        Assert.Equal(("SQL.MariaDB_SuspiciousIpAnomaly", AlertSeverity.Medium), (alert.AlertType, alert.Severity));
        Assert.EndsWith("flagged by threat intelligence: botnet command and control", alert.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_login_from_a_flagged_address_is_no_suspicious_ip_anomaly()
    {
        Assert.Empty(Logins.Detector().Observe(Logins.WrongPassword(Logins.Start, ip: Logins.BotnetIp)));
    }

    [Fact]
    public void Anomalies_are_not_raised_during_the_learning_period()
    {
        var detector = Logins.Detector();

        var alerts = Observe(detector,
            Logins.Success(Logins.Start, user: "app"),
            Logins.Success(Logins.Start.AddDays(3), ip: Logins.AwsIp, user: "etl"),
            Logins.Success(Logins.Start.AddDays(6), ip: Logins.AzureVmIp, user: "web"));

        Assert.Empty(alerts);
        Assert.True(detector.IsLearning(Logins.Start.AddDays(6)));
    }

    [Theory]
    [InlineData(ThreatAlertKind.PrincipalAnomaly, AlertSeverity.Low, Logins.OfficeIp, "intern")]
    [InlineData(ThreatAlertKind.DomainAnomaly, AlertSeverity.Medium, Logins.AwsIp, "app")]
    [InlineData(ThreatAlertKind.CloudProviderAnomaly, AlertSeverity.Medium, Logins.AwsIp, "app")]
    [InlineData(ThreatAlertKind.GeoAnomaly, AlertSeverity.Medium, Logins.AwsIp, "app")]
    [InlineData(ThreatAlertKind.DataCenterAnomaly, AlertSeverity.Low, Logins.AzureNorthEuropeIp, "app")]
    public void After_learning_a_login_with_a_value_not_in_the_baseline_raises_its_anomaly(ThreatAlertKind kind, AlertSeverity severity, string ip, string user)
    {
        // The baseline: 'app' from the office and from an Azure VM in West Europe.
        var detector = Logins.Detector();
        Observe(detector, Logins.Success(Logins.Start, Logins.OfficeIp, "app"), Logins.Success(Logins.Start.AddDays(1), Logins.AzureVmIp, "app"));

        var alerts = detector.Observe(Logins.Success(Logins.AfterLearning, ip, user));

        var alert = Assert.Single(alerts, a => a.Kind == kind);
        Assert.Equal(($"SQL.MariaDB_{kind}", severity), (alert.AlertType, alert.Severity));
    }

    [Fact]
    public void An_unseen_value_alerts_once_and_then_joins_the_baseline()
    {
        var detector = Logins.Detector();
        detector.Observe(Logins.Success(Logins.Start, user: "app"));

        var first = detector.Observe(Logins.Success(Logins.AfterLearning, user: "intern"));
        var again = detector.Observe(Logins.Success(Logins.AfterLearning.AddDays(2), user: "intern"));

        Assert.Equal(ThreatAlertKind.PrincipalAnomaly, Assert.Single(first).Kind);
        Assert.Empty(again);
    }

    [Fact]
    public void Failed_logins_teach_the_baseline_nothing()
    {
        var detector = Logins.Detector();
        detector.Observe(Logins.Success(Logins.Start, user: "app"));
        detector.Observe(Logins.WrongPassword(Logins.Start.AddDays(1), ip: Logins.OfficeIp, user: "intern"));

        Assert.Single(detector.Observe(Logins.Success(Logins.AfterLearning, user: "intern")));
    }

    [Fact]
    public void The_learning_period_starts_at_the_first_event_when_no_start_is_given()
    {
        var clock = new FakeTimeProvider(Logins.Start.AddDays(30));
        var detector = new ThreatDetector(Logins.Server, Logins.Protection(), ThreatDetectionSettings.Default);

        detector.Observe(Logins.Success(clock.GetUtcNow(), user: "app"));
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Empty(detector.Observe(Logins.Success(clock.GetUtcNow(), user: "etl")));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Single(detector.Observe(Logins.Success(clock.GetUtcNow(), user: "intern")));
        Assert.Equal(Logins.Start.AddDays(30), detector.LearningStartedAt);
    }

    [Theory]
    [InlineData("BruteForce")]
    [InlineData("SQL.MariaDB_BruteForce")]
    public void Disabled_alert_kinds_are_not_raised(string disabled)
    {
        var detector = Logins.Detector(Logins.Protection(disabledAlerts: [disabled, "HarmfulApplication"]), ThreeFailuresInAMinute);

        var alerts = Observe(detector,
            Logins.WrongPassword(Logins.Start, app: "sqlmap"), Logins.WrongPassword(Logins.Start), Logins.WrongPassword(Logins.Start),
            Logins.Success(Logins.Start, ip: Logins.AttackerIp));

        Assert.Empty(alerts);
    }

    [Fact]
    public void A_disabled_anomaly_kind_still_learns_so_enabling_it_later_does_not_flood()
    {
        var detector = Logins.Detector(Logins.Protection(disabledAlerts: "PrincipalAnomaly"));
        detector.Observe(Logins.Success(Logins.Start, user: "app"));
        detector.Observe(Logins.Success(Logins.AfterLearning, user: "intern"));

        detector.Policy = Logins.Protection();

        Assert.Empty(detector.Observe(Logins.Success(Logins.AfterLearning.AddDays(1), user: "intern")));
    }

    [Theory]
    [InlineData("B_Gen5_1")]
    [InlineData("B_Gen5_2")]
    public void Basic_tier_servers_get_no_alerts(string sku)
    {
        var detector = Logins.Detector(Logins.Protection(sku: sku));

        Assert.Empty(Observe(detector, Logins.WrongPassword(Logins.Start, app: "sqlmap"), Logins.Success(Logins.Start, ip: Logins.BotnetIp)));
    }

    [Fact]
    public void Memory_optimized_servers_are_covered()
    {
        Assert.NotEmpty(Logins.Detector(Logins.Protection(sku: "MO_Gen5_2")).Observe(Logins.Success(Logins.Start, ip: Logins.BotnetIp)));
    }

    [Fact]
    public void Servers_without_threat_protection_enabled_get_no_alerts_and_learn_nothing()
    {
        var detector = new ThreatDetector(Logins.Server, Logins.Protection(state: "Disabled"), ThreatDetectionSettings.Default);

        Assert.Empty(detector.Observe(Logins.Success(Logins.Start, ip: Logins.BotnetIp)));
        Assert.Null(detector.LearningStartedAt);
        Assert.Same(ThreatProtectionPolicy.Off, ThreatProtectionPolicy.FromSpec(new ServerSpec { Name = Logins.Server }));
    }

    [Fact]
    public void Memory_stays_bounded_under_a_spray_from_many_addresses()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);

        for (var i = 0; i < ThreatDetector.MaxSources * 2; i++)
            detector.Observe(Logins.WrongPassword(Logins.Start.AddMilliseconds(i), ip: $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"));

        Assert.InRange(detector.WatchedSources, 1, ThreatDetector.MaxSources);
    }

    [Fact]
    public void Exported_state_imports_into_a_detector_that_continues_where_it_stopped()
    {
        var detector = Logins.Detector(settings: ThreeFailuresInAMinute);
        Observe(detector, Logins.Success(Logins.Start, user: "app"), Logins.Success(Logins.Start, ip: Logins.AwsIp, user: "etl"),
            Logins.WrongPassword(Logins.Start.AddDays(8)), Logins.WrongPassword(Logins.Start.AddDays(8)), Logins.WrongPassword(Logins.Start.AddDays(8)));

        var state = detector.Export();
        var restored = ThreatDetector.Import(Logins.Server, Logins.Protection(), ThreeFailuresInAMinute, state);

        Assert.Equivalent(state, restored.Export(), strict: true);
        Assert.Equal(["app", "etl"], state.Users);
        // The attack was detected before the export; the success after the import completes it.
        var alert = Assert.Single(restored.Observe(Logins.Success(Logins.Start.AddDays(8).AddMinutes(1), ip: Logins.AttackerIp, user: "app")));
        Assert.Equal((ThreatAlertKind.BruteForce, AlertSeverity.High), (alert.Kind, alert.Severity));
    }
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

public sealed class ThreatProtectionRulesTests
{
    private static ServerSpec With(ThreatProtectionSpec policy) => Fleets.Server() with { ThreatProtection = policy };

    private static readonly ThreatProtectionSpec Enabled = new() { State = "Enabled" };

    [Fact]
    public void An_enabled_policy_with_alerts_addresses_and_retention_is_valid()
    {
        var policy = Enabled with { DisabledAlerts = ["GeoAnomaly", "SQL.MariaDB_BruteForce"], EmailAddresses = ["secops@contoso.com"], RetentionDays = 30 };

        Assert.Empty(Fleets.Errors(With(policy)));
    }

    [Theory]
    [InlineData("enabled")]
    [InlineData("On")]
    public void Threat_protection_state_is_Enabled_or_Disabled(string state) =>
        Assert.Equal($"servers[0].threatProtection.state: '{state}' is not one of Enabled|Disabled", Fleets.Error(With(new ThreatProtectionSpec { State = state })));

    [Fact]
    public void Threat_protection_can_be_enabled_only_on_General_Purpose_or_Memory_Optimized() =>
        Assert.Equal("servers[0].threatProtection.state: threat protection needs the General Purpose or Memory Optimized tier; 'B_Gen5_2' is Basic",
            Fleets.Error(With(Enabled) with { Sku = "B_Gen5_2" }));

    [Fact]
    public void A_Basic_server_may_state_that_threat_protection_is_disabled() =>
        Assert.Empty(Fleets.Errors(With(new ThreatProtectionSpec { State = "Disabled" }) with { Sku = "B_Gen5_1" }));

    [Theory]
    [InlineData("Bruteforce")]
    [InlineData("SQL.MySQL_BruteForce")]
    [InlineData("SQL.MariaDB_")]
    [InlineData("SqlInjection")]
    public void Disabled_alerts_are_alert_kinds_or_their_ids(string alert)
    {
        Assert.Equal(
            $"servers[0].threatProtection.disabledAlerts[0]: '{alert}' is not an alert; allowed: BruteForce, HarmfulApplication, PrincipalAnomaly, DomainAnomaly, DataCenterAnomaly, CloudProviderAnomaly, GeoAnomaly, SuspiciousIpAnomaly, or their ids SQL.MariaDB_<Kind>",
            Fleets.Error(With(Enabled with { DisabledAlerts = [alert] })));
    }

    [Fact]
    public void Every_alert_kind_and_id_can_be_disabled()
    {
        var kinds = Enum.GetNames<ThreatAlertKind>();

        Assert.Empty(Fleets.Errors(With(Enabled with { DisabledAlerts = [.. kinds, .. kinds.Select(k => "SQL.MariaDB_" + k)] })));
    }

    [Fact]
    public void Retention_days_must_not_be_negative() =>
        Assert.Equal("servers[0].threatProtection.retentionDays: '-1' must not be negative", Fleets.Error(With(Enabled with { RetentionDays = -1 })));

    [Fact]
    public void Email_addresses_look_like_email_addresses() =>
        Assert.Equal("servers[0].threatProtection.emailAddresses[0]: 'secops' is not an email address", Fleets.Error(With(Enabled with { EmailAddresses = ["secops"] })));
}

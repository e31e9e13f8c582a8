using FleetSim.Contracts;
using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Backups;
using FleetSim.Grains.Backups;
using FleetSim.Grains.Fleet;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;
using FleetSim.Policy.Validation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FleetSim.Grains.Tests;

/// <summary>
/// FleetSim.Policy's records come back whole from Orleans' serializer (a grain call to another
/// silo, grain state written and read) and from its deep copier (a call within a silo).
/// </summary>
public sealed class PolicySerializationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 4, 5, 6, TimeSpan.Zero);

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(s => s.AddFleetSimSerialization())
        .BuildServiceProvider();

    [Theory]
    [InlineData("fleet.json")]
    [InlineData("threats-fleet.json")]
    public void A_sample_fleet_document_survives_a_call_and_the_directory_state(string sample)
    {
        var fleet = FleetSpecReader.ReadFile(Sample(sample));

        AssertSurvives(fleet);
        AssertSurvives(new FleetDirectoryState { Fleet = fleet, Version = 7 });
        var kept = new FleetDirectoryState { Version = 7 };
        kept.Keep(fleet);
        Assert.Equivalent(fleet, kept.ReadFleet(), strict: true);
    }

    [Fact]
    public void A_fleet_document_with_every_member_set_survives()
    {
        var fleet = FleetSpecReader.ReadFile(Sample("fleet.json"));
        var server = fleet.Servers[0] with
        {
            State = "Stopped",
            SslEnforcement = "Disabled",
            PublicNetworkAccess = "Disabled",
            VirtualNetworkRules = [new VirtualNetworkRuleSpec { Name = "legacy", VirtualNetworkSubnetId = "subnet-id", IgnoreMissingVnetServiceEndpoint = true }],
            PrivateEndpointConnections = [new PrivateEndpointConnectionSpec { Name = "pe", Status = "Approved" }],
            ThreatProtection = new ThreatProtectionSpec { State = "Enabled", DisabledAlerts = ["GeoAnomaly"], EmailAddresses = ["sec@contoso.com"], RetentionDays = 30 },
            DataEncryption = new DataEncryptionSpec { KeyVault = "kv-contoso", KeyName = "cmk" },
        };
        var full = fleet with
        {
            Servers = [server, .. fleet.Servers.Skip(1)],
            Internet = [new InternetRangeSpec { Range = "20.42.0.0/16", Location = "Virginia, US", Domain = "cloudapp.azure.com", CloudProvider = "Azure", AzureRegion = "eastus" }],
            ThreatIntelligence = [new ThreatIntelligenceSpec { Range = "185.220.101.0/24", Description = "Tor exit node" }],
            ThreatDetection = new ThreatDetectionSpec { LearningPeriod = "1d", BruteForceThreshold = 3, BruteForceWindow = "5m", HarmfulApplications = ["sqlmap"], AlertSuppression = "0s" },
            RuleChangeDelay = "5m",
            KeyVaults = [new KeyVaultSpec { Name = "kv-contoso", Keys = [new KeyVaultKeySpec { Name = "cmk", State = "AccessRevoked" }] }],
            KeyRevocationDelay = "1m",
        };

        AssertSurvives(full);
        AssertSurvives(new ServerBackupState { Snapshots = [new ServerSnapshot(At, server, Accounts())] });
    }

    [Fact]
    public void An_audit_batch_of_records_decisions_and_alerts_survives()
    {
        var batch = new AuditBatch(
            [
                AuditRecord.Connect("contoso", "eastus", At, 12, "203.0.113.7", "app", "shop"),
                new AuditRecord(AuditEventClass.general_log, AuditEventSubclass.ERROR, At, 12, "203.0.113.7", "app", null, "DROP TABLE t", 1142, "contoso", "eastus"),
            ],
            [new GatewayLogRecord(At, "40.71.8.203", null, "internet address 203.0.113.7", "app@nowhere", ConnectionReason.ServerNotFound, 9002, null, "eastus")],
            [new SecurityAlert(ThreatAlertKind.BruteForce.Id(), ThreatAlertKind.BruteForce, AlertSeverity.High, "contoso", "203.0.113.7", "dbadmin", At, "Brute force attack")]);

        AssertSurvives(batch);
    }

    [Fact]
    public void A_server_state_with_accounts_grants_and_threat_memory_survives()
    {
        var threats = new ThreatDetectorState(
            At.AddDays(-1),
            ["app", "dbadmin"],
            ["contoso.com"],
            ["eastus"],
            ["Azure"],
            ["Seattle, US"],
            [new SourceState("203.0.113.7", [At.AddSeconds(-2), At.AddSeconds(-1)], At, At.AddSeconds(-1), "dbadmin", "root")],
            [new SuppressionState(ThreatAlertKind.GeoAnomaly, "203.0.113.7", "Lagos, NG", At.AddHours(1))]);
        var state = new ServerGrainState { Access = Accounts(), LastConnectionId = 41, Threats = threats, KeyLostAt = At, KeyInaccessible = true };

        AssertSurvives(state);
    }

    [Fact]
    public void A_verdict_and_a_presented_source_survive()
    {
        AssertSurvives(new Verdict(ConnectionReason.FirewallDenied, 9000, "Client with IP address '203.0.113.7' is not allowed to connect to this MariaDB server.", "office"));
        AssertSurvives(new PresentedSource(PresentedKind.ServiceEndpoint, Ipv4.Parse("10.1.1.4"), "subnet-id"));
    }

    /// <summary>A server's accounts as provisioned, changed at run time with a table grant and a user without a password.</summary>
    private static AccessControlState Accounts()
    {
        var access = AccessControl.FromSpec(FleetSpecReader.ReadFile(Sample("fleet.json")).Servers[0]);
        foreach (var sql in new[] { "CREATE USER 'reader'@'%'", "GRANT SELECT, INSERT ON shop.orders TO 'reader'@'%'" })
            Assert.Null(access.Apply("dbadmin", StatementParser.Parse(sql).Statement!, "shop"));
        var state = access.Export();
        Assert.Contains(state.Accounts, a => a.Password is null);
        Assert.Contains(state.Accounts, a => a.Password is not null);
        Assert.Contains(state.Accounts.SelectMany(a => a.Grants), g => g.Table == "orders");
        return state;
    }

    private static void AssertSurvives<T>(T value) where T : notnull
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var copier = Services.GetRequiredService<DeepCopier>();

        Assert.Equivalent(value, serializer.Deserialize<T>(serializer.SerializeToArray(value)), strict: true);
        Assert.Equivalent(value, copier.Copy(value), strict: true);
    }

    private static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FleetSim.sln")))
            directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("FleetSim.sln not found above the tests"), "samples", name);
    }
}

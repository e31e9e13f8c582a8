using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>The audit trail a check leaves, read back with the audit and alerts verbs.</summary>
public sealed class AuditCommandTests
{
    private static async Task<string> CheckInto(string fleet, string attempts)
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-audit-test-").FullName, "audit.db");
        var run = await RunAsync("check", Sample(fleet), Sample(attempts), "--store", store);
        Assert.Equal(0, run.ExitCode);
        return store;
    }

    private static async Task<List<JsonElement>> Jsonl(params string[] args)
    {
        var run = await RunAsync([.. args, "--format", "jsonl"]);
        Assert.Equal(0, run.ExitCode);
        return [.. run.Lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public async Task The_audit_trail_sample_decides_as_reviewed()
    {
        var run = await RunAsync("check", Sample("fleet.json"), Sample("audit-trail.jsonl"));
        Assert.Equal(File.ReadAllLines(Sample("audit-trail.expected.jsonl")), run.Lines);
    }

    [Fact]
    public async Task Every_session_of_the_audit_trail_is_recorded_with_the_real_schema()
    {
        var store = await CheckInto("fleet.json", "audit-trail.jsonl");
        var records = await Jsonl("audit", "query", "--store", store);

        // 7 sessions open and close, 2 logins fail; 11 statements ran, the 1064 one is ADMIN, which
        // audit_log_events (CONNECTION,DML,DDL,DCL) leaves out.
        Assert.Equal(9, records.Count(r => r.GetProperty("event_subclass").GetString() == "CONNECT"));
        Assert.Equal(7, records.Count(r => r.GetProperty("event_subclass").GetString() == "DISCONNECT"));
        Assert.Equal(11, records.Count(r => r.GetProperty("event_class").GetString() == "general_log"));
        Assert.DoesNotContain(records, r => r.GetProperty("error_code").GetInt32() == 1064);
        Assert.Contains(records, r => r.GetProperty("sql_text").GetString() == "CREATE USER 'analyst'@'%' IDENTIFIED BY *****");
        Assert.Equal(3, records.Count(r => r.GetProperty("event_subclass").GetString() == "ERROR" && r.GetProperty("error_code").GetInt32() == 1142));
        Assert.Equal(2, records.Count(r => r.GetProperty("event_subclass").GetString() == "CONNECT" && r.GetProperty("error_code").GetInt32() == 1045));
        Assert.All(records, r => Assert.Equal("contoso", r.GetProperty("server").GetString()));
    }

    [Fact]
    public async Task Queries_filter_by_event_user_and_time()
    {
        var store = await CheckInto("fleet.json", "audit-trail.jsonl");
        Assert.Equal(4, (await Jsonl("audit", "query", "--store", store, "--event", "DCL")).Count);
        Assert.All(await Jsonl("audit", "query", "--store", store, "--user", "analyst"), r => Assert.Equal("analyst", r.GetProperty("user").GetString()));
        var late = await Jsonl("audit", "query", "--store", store, "--since", "2026-11-28T09:07:00Z");
        Assert.Equal(["analyst", "app"], late.Select(r => r.GetProperty("user").GetString()));
    }

    [Fact]
    public async Task The_gateway_log_keeps_every_decision_denials_included()
    {
        var store = await CheckInto("fleet.json", "attempts.jsonl");
        var decisions = await Jsonl("audit", "query", "--store", store, "--log", "gateway");
        Assert.Contains(decisions, d => d.GetProperty("reason").GetString() == "FirewallDenied");
        Assert.Contains(decisions, d => d.GetProperty("reason").GetString() == "ServerNotFound");
        // Nothing answers at an unknown host or a retired address: no gateway saw those.
        Assert.DoesNotContain(decisions, d => d.GetProperty("reason").GetString() is "HostNotFound" or "GatewayUnreachable");
    }

    [Fact]
    public async Task Every_alert_kind_is_raised_by_the_threats_sample_and_listed()
    {
        var run = await RunAsync("check", Sample("threats-fleet.json"), Sample("threats.jsonl"));
        Assert.Equal(File.ReadAllLines(Sample("threats.expected.jsonl")), run.Lines);
        var kinds = run.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("alert", out _)).Select(e => e.GetProperty("alert").GetString()).ToHashSet();
        Assert.Equal(
            ["SQL.MariaDB_BruteForce", "SQL.MariaDB_CloudProviderAnomaly", "SQL.MariaDB_DataCenterAnomaly", "SQL.MariaDB_DomainAnomaly",
             "SQL.MariaDB_GeoAnomaly", "SQL.MariaDB_HarmfulApplication", "SQL.MariaDB_PrincipalAnomaly", "SQL.MariaDB_SuspiciousIpAnomaly"],
            kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_alerts_verb_filters_by_severity()
    {
        var store = await CheckInto("threats-fleet.json", "threats.jsonl");
        var high = await Jsonl("alerts", "--store", store, "--severity", "High");
        Assert.Equal(["SQL.MariaDB_HarmfulApplication", "SQL.MariaDB_BruteForce"], high.Select(a => a.GetProperty("alert").GetString()));
    }

    [Fact]
    public async Task Stats_count_by_server_event_and_reason()
    {
        var store = await CheckInto("fleet.json", "audit-trail.jsonl");
        var run = await RunAsync("audit", "stats", "--store", store);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("audit records: 27, gateway decisions: 9, alerts: 0", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("connection_log/CONNECT CONNECTION", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_query_options_are_named_and_exit_2()
    {
        var store = await CheckInto("fleet.json", "audit-trail.jsonl");
        var run = await RunAsync("audit", "query", "--store", store, "--event", "SELECT", "--since", "yesterday");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--event: 'SELECT' is not one of", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--since: 'yesterday' is not a time", run.Stderr, StringComparison.Ordinal);
        var missing = await RunAsync("audit", "stats", "--store", "/nonexistent/audit.db");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--store: '/nonexistent/audit.db' does not exist", missing.Stderr, StringComparison.Ordinal);
    }
}

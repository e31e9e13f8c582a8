using System.Text.Json;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>What a `fleetsim serve --store` leaves when SIGTERM stops it: every session closed and recorded, every alert kept.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeShutdownTests(AttackedServe serve) : IClassFixture<AttackedServe>
{
    private async Task<List<JsonElement>> Jsonl(params string[] args)
    {
        var run = await RunAsync([.. args, "--store", serve.Store, "--format", "jsonl"]);
        Assert.Equal(0, run.ExitCode);
        return [.. run.Lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public void SIGTERM_stops_serve_with_exit_code_0_after_flushing_the_audit_log()
    {
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains($"audit log flushed to {serve.Store}", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_failed_real_logins_from_one_listener_raise_the_BruteForce_alert_once()
    {
        Assert.All(serve.Attempts, a => Assert.StartsWith("ERROR 1045 (28000): Access denied for user 'dbadmin'@'203.0.113.9'", a.Error, StringComparison.Ordinal));

        var bruteForce = Assert.Single(await Jsonl("alerts"), a => a.GetProperty("alert").GetString() == "SQL.MariaDB_BruteForce");
        Assert.Equal("contoso", bruteForce.GetProperty("server").GetString());
        Assert.Equal("203.0.113.9", bruteForce.GetProperty("ip").GetString());
        Assert.Equal("Medium", bruteForce.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Every_failed_login_is_in_the_audit_log_with_its_1045()
    {
        var failed = (await Jsonl("audit", "query", "--server", "contoso", "--user", "dbadmin"))
            .Where(r => r.GetProperty("event_subclass").GetString() == "CONNECT" && r.GetProperty("error_code").GetInt32() == 1045);

        Assert.Equal(AttackedServe.FailedLogins, failed.Count());
    }

    [Fact]
    public async Task A_session_open_at_SIGTERM_is_closed_and_has_its_CONNECT_and_DISCONNECT_in_the_audit_log()
    {
        var session = (await Jsonl("audit", "query", "--server", "contoso", "--user", "app"))
            .Where(r => r.GetProperty("event_class").GetString() == "connection_log" && r.GetProperty("connection_id").GetInt64() == serve.HeldConnectionId);

        Assert.Equal(["CONNECT", "DISCONNECT"], session.Select(r => r.GetProperty("event_subclass").GetString()));
    }
}

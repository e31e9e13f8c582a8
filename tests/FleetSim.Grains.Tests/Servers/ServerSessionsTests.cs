using FleetSim.Contracts.Connections;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Logging.Abstractions;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests.Servers;

/// <summary>
/// A server's sessions once admission has decided, without a cluster: what each step writes to
/// the audit log, and how a statement on a session that is gone is answered.
/// </summary>
public sealed class ServerSessionsTests
{
    private const string Office = "203.0.113.7";
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly RecordingOutbox _outbox = new();
    private readonly ServerSessions _sessions;
    private int _learned;

    public ServerSessionsTests()
    {
        var spec = Contoso() with
        {
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,GENERAL" },
            ThreatProtection = new ThreatProtectionSpec { State = "Enabled" },
        };
        var threats = new ThreatWatch(null);
        threats.Configure(spec, new FleetContext([], [], null));
        _sessions = new ServerSessions(Server, new SessionTable(), threats, _outbox, NullLogger.Instance, () => _learned++);
        _sessions.Configure(spec, keepAccounts: false);
    }

    private static RoutedConnection Login(bool hold = true, params string[] statements) =>
        new(Admin, AdminPassword, TlsVersion.Tls1_2, new RoutedSource(PresentedKind.Internet, Ipv4.Parse(Office).Value), Gateway,
            new SessionRequest(Hold: hold, Statements: statements.Length > 0 ? statements : null));

    private ConnectResult Open(bool hold = true, params string[] statements) =>
        _sessions.Answer(Login(hold, statements), Office, At, Verdict.Allow(null), null).Result;

    private IEnumerable<string> Logged(long connectionId) =>
        _outbox.Records.Where(r => r.ConnectionId == connectionId).Select(r => r.EventSubclass.ToString());

    [Fact]
    public void A_statement_on_a_session_the_server_killed_gets_1927_and_on_one_the_client_closed_2006()
    {
        var killed = Open();
        _sessions.KillAll(At);
        var closed = Open();
        _sessions.Close(closed.ConnectionId, At);

        var onKilled = _sessions.Execute(killed.ConnectionId, "SELECT 1", At, serverGone: false).Result;
        var onClosed = _sessions.Execute(closed.ConnectionId, "SELECT 1", At, serverGone: false).Result;

        Assert.Equal((1927, "Connection was killed"), (onKilled.Code, onKilled.Message));
        Assert.Equal(2006, onClosed.Code);
    }

    [Fact]
    public void Once_the_server_is_gone_every_session_s_statement_gets_1927()
    {
        var closed = Open();
        _sessions.Close(closed.ConnectionId, At);

        Assert.Equal(1927, _sessions.Execute(closed.ConnectionId, "SELECT 1", At, serverGone: true).Result.Code);
    }

    [Fact]
    public void Killing_all_sessions_writes_one_DISCONNECT_per_session_still_open()
    {
        var first = Open();
        var second = Open();
        var closed = Open();
        _sessions.Close(closed.ConnectionId, At);
        var before = _outbox.Records.Count;

        _sessions.KillAll(At);

        Assert.Equal(0, _sessions.Table.Count);
        Assert.Equal([(first.ConnectionId, "DISCONNECT"), (second.ConnectionId, "DISCONNECT")],
            _outbox.Records.Skip(before).Select(r => (r.ConnectionId, r.EventSubclass.ToString())));
    }

    [Fact]
    public void A_deleted_server_ends_its_sessions_with_their_records_and_audits_nothing_after()
    {
        var held = Open();

        _sessions.Deleted(At);

        Assert.Equal(["CONNECT", "DISCONNECT"], Logged(held.ConnectionId));
        Assert.Null(_sessions.Audit);
        Assert.Null(_sessions.Access);
    }

    [Fact]
    public void A_login_not_held_is_connected_and_disconnected_at_once_and_a_held_one_stays_open()
    {
        var once = Open(hold: false);
        var held = Open(hold: true);

        Assert.Equal(["CONNECT", "DISCONNECT"], Logged(once.ConnectionId));
        Assert.Equal(["CONNECT"], Logged(held.ConnectionId));
        Assert.Equal(1, _sessions.Table.Count);
    }

    public static TheoryData<Verdict, int> ServerRefusals => new()
    {
        { ConnectionErrors.AccessDenied(Admin, Office, usingPassword: true), 1045 },
        { ConnectionErrors.TooManyConnections, 1040 },
    };

    [Theory]
    [MemberData(nameof(ServerRefusals))]
    public void A_login_the_server_itself_refuses_reaches_its_audit_log_with_its_code(Verdict refusal, int code)
    {
        var result = _sessions.Answer(Login(), Office, At, refusal, null).Result;

        var record = Assert.Single(_outbox.Records);
        Assert.Equal(("CONNECT", code, 0L), (record.EventSubclass.ToString(), record.ErrorCode, record.ConnectionId));
        Assert.Equal((refusal.Reason, 0L), (result.Reason, result.ConnectionId));
    }

    [Fact]
    public void A_login_the_network_denied_is_not_in_the_server_s_audit_log()
    {
        var result = _sessions.Answer(Login(), Office, At, ConnectionErrors.FirewallDenied(Office), null).Result;

        Assert.Equal(ConnectionReason.FirewallDenied, result.Reason);
        Assert.Empty(_outbox.Records);
        Assert.Equal(0, _learned);
    }

    [Fact]
    public void Statements_at_login_run_in_order_are_audited_and_say_when_they_changed_the_accounts()
    {
        var (result, changedAccounts) = _sessions.Answer(Login(true, "SELECT 1", "CREATE USER 'late'@'%' IDENTIFIED BY 'Late#2026x'"), Office, At, Verdict.Allow(null), null);

        Assert.True(changedAccounts);
        Assert.Equal([0, 0], result.Statements!.Select(s => s.Code));
        Assert.Equal(["CONNECT", "LOG", "LOG"], Logged(result.ConnectionId));
        Assert.True(_sessions.Access!.Exists("late"));
    }

    [Fact]
    public void What_threat_detection_learns_from_a_login_asks_to_be_saved()
    {
        _sessions.Answer(Login(), Office, At, ConnectionErrors.AccessDenied(Admin, Office, usingPassword: true), null);

        Assert.Equal(1, _learned);
    }
}

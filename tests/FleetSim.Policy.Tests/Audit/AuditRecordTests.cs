using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;
using FleetSim.Policy.Tests.Sessions;

namespace FleetSim.Policy.Tests.Audit;

/// <summary>The audit records' schema, and which events produce one.</summary>
public sealed class AuditRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static AuditTrail Trail(string events) => new("contoso", Servers.Region, new AuditPolicy(true, Enum.Parse<AuditEvents>(events), [], []));

    [Fact]
    public void A_connection_is_a_connection_log_CONNECT_then_DISCONNECT()
    {
        var trail = Trail("CONNECTION");
        var session = Directories.SessionOf(Directories.AdminOnly(), "app", "shop");

        var connect = trail.Connected(At, session.ConnectionId, session.ClientIp, "app", "shop");
        var disconnect = trail.Disconnected(At.AddMinutes(5), session);

        Assert.Equal(new AuditRecord(AuditEventClass.connection_log, AuditEventSubclass.CONNECT, At, 2, Directories.ClientIp, "app", "shop", "", 0, "contoso", Servers.Region), connect);
        Assert.Equal(AuditEventSubclass.DISCONNECT, disconnect?.EventSubclass);
    }

    [Theory]
    [InlineData(1045)]
    [InlineData(1040)]
    public void A_login_refused_at_the_server_is_a_CONNECT_record_with_its_error_code(int code)
    {
        var record = Trail("CONNECTION").LoginFailed(At, 7, Clients.InternetIp, "app", null, code);

        Assert.Equal((AuditEventClass.connection_log, AuditEventSubclass.CONNECT, code), (record!.EventClass, record.EventSubclass, record.ErrorCode));
    }

    [Fact]
    public void Connections_are_not_recorded_unless_CONNECTION_is_audited()
    {
        Assert.Null(Trail("GENERAL").LoginFailed(At, 7, Clients.InternetIp, "app", null, 1045));
    }

    [Fact]
    public void A_statement_record_carries_its_database_audit_text_and_error_code()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'");
        var session = Directories.SessionOf(access, "app", "shop");
        var outcome = session.Execute("DELETE FROM orders");

        var record = Trail("DML").Statement(At, session, outcome);

        Assert.Equal(new AuditRecord(AuditEventClass.general_log, AuditEventSubclass.ERROR, At, 2, Directories.ClientIp, "app", "shop",
            "DELETE FROM orders", 1142, "contoso", Servers.Region), record);
    }

    [Fact]
    public void Statements_of_categories_not_audited_produce_no_record()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());

        Assert.Null(Trail("DDL").Statement(At, session, session.Execute("SELECT 1")));
    }

    [Fact]
    public void Sql_text_is_cut_at_2048_characters()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());
        var sql = "SELECT '" + new string('x', 3000) + "'";

        var record = Trail("DML_SELECT").Statement(At, session, session.Execute(sql));

        Assert.Equal(sql[..2048], record!.SqlText);
    }

    [Fact]
    public void Cutting_sql_text_never_splits_a_surrogate_pair()
    {
        var text = new string('x', 2047) + "😀";

        Assert.Equal(new string('x', 2047), AuditRecord.Cut(text));
    }

    [Fact]
    public void Passwords_never_reach_the_audit_log()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());

        var record = Trail("DCL").Statement(At, session, session.Execute("CREATE USER app IDENTIFIED BY 'S3cret!pw'"));

        Assert.DoesNotContain("S3cret", record!.SqlText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_gateway_decision_is_a_gateway_log_record_denials_included()
    {
        var gateway = new GatewayAddress(Ipv4.Parse("52.236.184.163"), Servers.Region, GatewayState.Current);

        var record = GatewayLogRecord.Decision(At, gateway, "contoso", $"internet address {Clients.InternetIp}", "app@contoso",
            ConnectionErrors.FirewallDenied(Clients.InternetIp));

        Assert.Equal(new GatewayLogRecord(At, "52.236.184.163", "contoso", $"internet address {Clients.InternetIp}", "app@contoso",
            ConnectionReason.FirewallDenied, 9000, null, Servers.Region), record);
    }
}

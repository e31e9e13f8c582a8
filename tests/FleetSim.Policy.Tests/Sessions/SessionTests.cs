using FleetSim.Policy.Audit;
using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>A session runs statements and reports each outcome the way the audit log records it.</summary>
public sealed class SessionTests
{
    [Fact]
    public void A_statement_that_ran_is_a_general_log_LOG_with_error_code_0()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());
        var outcome = session.Execute("SELECT * FROM shop.orders");

        var record = Logged(session, outcome);
        Assert.Equal((AuditEventClass.general_log, AuditEventSubclass.LOG, 0, StatementCategory.DML_SELECT),
            (record.EventClass, record.EventSubclass, record.ErrorCode, outcome.Category));
    }

    [Fact]
    public void A_denied_statement_is_a_general_log_ERROR_with_its_error_code()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'");

        var session = Directories.SessionOf(access, "app");
        var outcome = session.Execute("DROP TABLE shop.orders");

        var record = Logged(session, outcome);
        Assert.Equal((AuditEventClass.general_log, AuditEventSubclass.ERROR, 1142, StatementCategory.DDL),
            (record.EventClass, record.EventSubclass, record.ErrorCode, outcome.Category));
    }

    [Fact]
    public void A_syntax_error_is_a_general_log_ERROR_1064()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());
        var outcome = session.Execute("SELEC 1");

        var record = Logged(session, outcome);
        Assert.Equal((AuditEventClass.general_log, AuditEventSubclass.ERROR, 1064), (record.EventClass, record.EventSubclass, record.ErrorCode));
    }

    [Fact]
    public void USE_changes_the_current_database_and_dropping_it_clears_it()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());

        Assert.Equal("shop", session.Execute("USE shop").Database);
        Assert.Equal("shop", session.Database);
        Assert.Null(session.Execute("DROP DATABASE shop").Database);
    }

    [Fact]
    public void A_denied_USE_keeps_the_current_database()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON shop.* TO app");
        var session = Directories.SessionOf(access, "app", "shop");

        Assert.Equal(1044, session.Execute("USE crm").ErrorCode);
        Assert.Equal("shop", session.Database);
    }

    [Fact]
    public void DCL_that_changes_accounts_says_so_so_the_server_can_persist_them()
    {
        var session = Directories.AdminSession(Directories.AdminOnly());

        Assert.True(session.Execute("CREATE USER app IDENTIFIED BY 'S3cret!pw'").ChangedAccounts);
        Assert.False(session.Execute("CREATE USER app IDENTIFIED BY 'S3cret!pw'").ChangedAccounts);
        Assert.False(session.Execute("SELECT 1").ChangedAccounts);
    }

    [Fact]
    public void A_login_with_a_default_database_needs_a_privilege_there()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON shop.orders TO app");

        Assert.Null(access.AuthorizeDatabase("app", "shop"));
        Assert.Equal("Access denied for user 'app'@'%' to database 'crm'", access.AuthorizeDatabase("app", "crm")?.Message);
    }

    [Fact]
    public void A_user_dropped_while_connected_keeps_the_session_but_is_denied()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON shop.* TO app");
        var session = Directories.SessionOf(access, "app");

        Directories.AdminSession(access).Execute("DROP USER app");

        Assert.Equal(1142, session.Execute("SELECT * FROM shop.orders").ErrorCode);
    }

    // The audit log's record of the statement: its class is the audit side's reading of the outcome.
    private static AuditRecord Logged(Session session, in StatementOutcome outcome) =>
        AuditRecord.Statement("contoso", "eastus", DateTimeOffset.UnixEpoch, session, outcome);
}

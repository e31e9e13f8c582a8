using FleetSim.Policy.Sessions;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>DOMAIN, "Access management": what a user may run, and MariaDB's error when not.</summary>
public sealed class AuthorizationTests
{
    private const string Ip = Directories.ClientIp;

    /// <summary>A user with no privileges at all, and one who may only read the shop database.</summary>
    private static readonly AccessControl Access = Directories.With(
        "CREATE USER 'nobody'@'%' IDENTIFIED BY 'N0body!pw'",
        "CREATE USER 'reader'@'%' IDENTIFIED BY 'R3ader!pw'",
        "GRANT SELECT ON shop.* TO 'reader'@'%'");

    private static SqlError? Run(string user, string sql, string? database = null) =>
        Directories.SessionOf(Access, user, database).Execute(sql).Error;

    [Fact]
    public void Select_without_privilege_gets_1142_naming_the_table()
    {
        Assert.Equal(new SqlError(1142, "42000", $"SELECT command denied to user 'nobody'@'{Ip}' for table 'orders'"),
            Run("nobody", "SELECT * FROM shop.orders"));
    }

    [Theory]
    [InlineData("INSERT INTO shop.orders VALUES (1)", "INSERT")]
    [InlineData("UPDATE shop.orders SET paid = 1", "UPDATE")]
    [InlineData("DELETE FROM shop.orders", "DELETE")]
    [InlineData("CREATE TABLE shop.orders (id INT)", "CREATE")]
    [InlineData("DROP TABLE shop.orders", "DROP")]
    [InlineData("ALTER TABLE shop.orders ADD note TEXT", "ALTER")]
    [InlineData("TRUNCATE TABLE shop.orders", "DROP")]
    [InlineData("REPLACE INTO shop.orders VALUES (1)", "INSERT")]
    public void The_1142_command_word_is_the_missing_privilege_so_TRUNCATE_is_denied_as_DROP(string sql, string command)
    {
        Assert.Equal($"{command} command denied to user 'reader'@'{Ip}' for table 'orders'", Run("reader", sql)?.Message);
    }

    [Fact]
    public void A_database_grant_covers_every_table_of_that_database_and_no_other()
    {
        Assert.Null(Run("reader", "SELECT * FROM shop.orders JOIN shop.customers USING (customer_id)"));
        Assert.Equal(1142, Run("reader", "SELECT * FROM crm.contacts")?.Code);
    }

    [Fact]
    public void A_table_read_in_a_subquery_needs_SELECT_too()
    {
        var access = Directories.With("CREATE USER writer IDENTIFIED BY 'Wr1ter!pw'", "GRANT INSERT ON shop.archive TO writer");

        var error = Directories.SessionOf(access, "writer").Execute("INSERT INTO shop.archive SELECT * FROM shop.orders").Error;

        Assert.Equal($"SELECT command denied to user 'writer'@'{Ip}' for table 'orders'", error?.Message);
    }

    [Fact]
    public void Unqualified_tables_use_the_current_database()
    {
        Assert.Null(Run("reader", "SELECT * FROM orders", database: "shop"));
        Assert.Equal(1142, Run("reader", "SELECT * FROM orders", database: "crm")?.Code);
    }

    [Fact]
    public void An_unqualified_table_without_a_current_database_is_1046()
    {
        Assert.Equal(new SqlError(1046, "3D000", "No database selected"), Run("reader", "SELECT * FROM orders"));
    }

    [Theory]
    [InlineData("USE crm")]
    [InlineData("CREATE DATABASE crm")]
    [InlineData("DROP DATABASE crm")]
    public void Database_statements_without_privileges_are_1044_naming_the_account_host(string sql)
    {
        Assert.Equal(new SqlError(1044, "42000", "Access denied for user 'reader'@'%' to database 'crm'"), Run("reader", sql));
    }

    [Fact]
    public void USE_needs_any_privilege_on_the_database()
    {
        Assert.Null(Run("reader", "USE shop"));
    }

    [Theory]
    [InlineData("CREATE USER 'intruder'@'%' IDENTIFIED BY 'Intrud3r!pw'")]
    [InlineData("DROP USER 'nobody'@'%'")]
    public void CREATE_USER_and_DROP_USER_by_a_non_administrator_are_1227(string sql)
    {
        Assert.Equal(new SqlError(1227, "42000", "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation"),
            Run("reader", sql));
    }

    [Fact]
    public void GRANT_without_GRANT_OPTION_is_1044_for_that_database()
    {
        Assert.Equal("Access denied for user 'reader'@'%' to database 'shop'", Run("reader", "GRANT SELECT ON shop.* TO 'nobody'@'%'")?.Message);
        Assert.Equal(1044, Run("reader", "REVOKE SELECT ON shop.* FROM 'nobody'@'%'")?.Code);
    }

    [Fact]
    public void GRANT_OPTION_lets_a_user_pass_on_the_privileges_it_holds_and_no_others()
    {
        var access = Directories.With("CREATE USER lead IDENTIFIED BY 'L3ad!pass'", "CREATE USER dev IDENTIFIED BY 'D3v!pass'",
            "GRANT SELECT ON shop.* TO lead WITH GRANT OPTION");
        var lead = Directories.SessionOf(access, "lead");

        Assert.Null(lead.Execute("GRANT SELECT ON shop.* TO dev").Error);
        Assert.Equal(1044, lead.Execute("GRANT INSERT ON shop.* TO dev").Error?.Code);
        Assert.Equal(Privileges.Select, access.PrivilegesOn("dev", "shop"));
    }

    [Fact]
    public void GRANT_on_a_table_without_GRANT_OPTION_is_1142_for_GRANT()
    {
        Assert.Equal($"GRANT command denied to user 'reader'@'{Ip}' for table 'orders'", Run("reader", "GRANT SELECT ON shop.orders TO nobody")?.Message);
    }

    [Fact]
    public void The_administrator_holds_every_ordinary_privilege_on_every_database_with_CREATE_USER_and_GRANT_OPTION()
    {
        var admin = Directories.AdminSession(Directories.AdminOnly());

        foreach (var sql in new[]
        {
            "SELECT * FROM any.t", "INSERT INTO any.t VALUES (1)", "DROP TABLE any.t", "CREATE DATABASE other", "USE other",
            "CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'", "GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%' WITH GRANT OPTION",
        })
        {
            Assert.True(admin.Execute(sql).Succeeded, sql);
        }
    }

    [Fact]
    public void The_administrator_does_not_hold_SUPER()
    {
        var admin = Directories.AdminSession(Directories.AdminOnly());

        Assert.Equal("Access denied; you need (at least one of) the SUPER privilege(s) for this operation",
            admin.Execute("SET GLOBAL max_connections = 100").Error?.Message);
        Assert.Equal(new SqlError(1045, "28000", $"Access denied for user '{Servers.AdminLogin}'@'%' (using password: YES)"),
            admin.Execute("GRANT SUPER ON *.* TO 'app'@'%'").Error);
    }

    [Fact]
    public void A_global_privilege_granted_on_a_database_is_1221()
    {
        var admin = Directories.AdminSession(Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'"));

        Assert.Equal(1221, admin.Execute("GRANT CREATE USER ON shop.* TO app").Error?.Code);
    }

    [Fact]
    public void Anyone_may_change_their_own_password_but_another_accounts_takes_CREATE_USER()
    {
        var access = Directories.With("CREATE USER reader IDENTIFIED BY 'R3ader!pw'", "CREATE USER nobody IDENTIFIED BY 'N0body!pw'");
        var reader = Directories.SessionOf(access, "reader");

        Assert.Null(reader.Execute("SET PASSWORD = PASSWORD('N3w!reader')").Error);
        Assert.Equal("Access denied for user 'reader'@'%' to database 'mysql'", reader.Execute("SET PASSWORD FOR nobody = 'N3w!nobody'").Error?.Message);
        Assert.True(access.Authenticate("reader", "N3w!reader"));
    }

    [Fact]
    public void Read_only_ADMIN_statements_need_no_privilege()
    {
        Assert.Null(Run("nobody", "SHOW DATABASES"));
        Assert.Null(Run("nobody", "SET NAMES utf8mb4"));
    }
}

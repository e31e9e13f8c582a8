using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>
/// The rows a session answers with, without a table engine: what clients ask on their own
/// (the mariadb client's first query), what a demo shows, and nothing for a statement on a table.
/// </summary>
public sealed class QueryAnswersTests
{
    private static readonly IReadOnlyDictionary<string, string> Variables =
        ServerVariables.For(Servers.Contoso, ServerPolicy.Compile(Servers.Contoso));

    private static ResultTable? Answer(string sql, Session? session = null) =>
        (session ?? Directories.AdminSession(Directories.AdminOnly(), "shop")).Answer(sql, Variables);

    [Fact]
    public void The_mariadb_clients_first_query_gets_the_version_comment()
    {
        var rows = Answer("select @@version_comment limit 1");

        Assert.Equal(["@@version_comment"], rows!.Columns);
        Assert.Equal(ServerVariables.VersionComment, Assert.Single(rows.Rows)[0]);
    }

    [Fact]
    public void Literals_functions_and_variables_each_get_a_column_named_as_written_or_aliased()
    {
        var rows = Answer("SELECT 1, -2.5, 'text' AS label, NULL, DATABASE(), CURRENT_USER(), USER(), CONNECTION_ID(), @@max_connections, @@session.autocommit, VERSION()");

        Assert.Equal(["1", "-2.5", "label", "NULL", "DATABASE()", "CURRENT_USER()", "USER()", "CONNECTION_ID()", "@@max_connections", "@@session.autocommit", "VERSION()"], rows!.Columns);
        Assert.Equal(["1", "-2.5", "text", null, "shop", $"{Servers.AdminLogin}@%", $"{Servers.AdminLogin}@{Directories.ClientIp}", "1",
            ServerPolicy.Compile(Servers.Contoso).MaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", ServerVariables.Version], Assert.Single(rows.Rows));
    }

    [Fact]
    public void Limit_0_answers_the_columns_without_rows() =>
        Assert.Empty(Answer("SELECT 1 LIMIT 0")!.Rows);

    [Theory]
    [InlineData("SELECT * FROM shop.orders")]
    [InlineData("SELECT 1 FROM dual WHERE 1 = 1")]
    [InlineData("SELECT 1 + 1")]
    [InlineData("INSERT INTO shop.orders VALUES (1)")]
    [InlineData("SHOW TABLES")]
    public void A_statement_on_tables_or_an_expression_FleetSim_does_not_evaluate_has_no_rows(string sql) =>
        Assert.Null(Answer(sql));

    [Fact]
    public void Show_grants_lists_the_accounts_grants_as_MariaDB_10_3_prints_them()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT, INSERT ON shop.* TO app", "GRANT UPDATE ON shop.orders TO app");

        var rows = Answer("SHOW GRANTS", Directories.SessionOf(access, "app"));

        Assert.Equal(["Grants for app@%"], rows!.Columns);
        Assert.Equal([
            $"GRANT USAGE ON *.* TO 'app'@'%' IDENTIFIED BY PASSWORD '{PasswordHash.Of("S3cret!pw").Text}'",
            "GRANT SELECT, INSERT ON `shop`.* TO 'app'@'%'",
            "GRANT UPDATE ON `shop`.`orders` TO 'app'@'%'",
        ], rows.Rows.Select(r => r[0]));
        Assert.Equal(rows.Rows, Answer("SHOW GRANTS FOR CURRENT_USER()", Directories.SessionOf(access, "app"))!.Rows);
    }

    [Fact]
    public void Show_databases_lists_those_the_user_holds_a_privilege_on()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON shop.* TO app", "GRANT SELECT ON crm.leads TO app");

        var rows = Answer("SHOW DATABASES", Directories.SessionOf(access, "app"));

        Assert.Equal(["crm", "information_schema", "shop"], rows!.Rows.Select(r => r[0]));
    }

    [Fact]
    public void Show_status_reports_the_tls_the_client_negotiated_and_like_filters_names()
    {
        var session = new Session(Directories.AdminOnly(), 7, Servers.AdminLogin, Directories.ClientIp) { Tls = TlsVersion.Tls1_3, Cipher = "TLS_AES_256_GCM_SHA384" };

        var rows = session.Answer("SHOW SESSION STATUS LIKE 'ssl\\_%'", Variables);

        Assert.Equal([["Ssl_cipher", "TLS_AES_256_GCM_SHA384"], ["Ssl_version", "TLSv1.3"]], rows!.Rows);
    }

    [Fact]
    public void Show_variables_names_the_configured_server_parameters()
    {
        var rows = Answer("SHOW VARIABLES LIKE 'audit_log_%'");

        Assert.Contains(rows!.Rows, r => r[0] == ServerParameters.AuditLogEnabled);
        Assert.All(rows.Rows, r => Assert.StartsWith("audit_log_", r[0], StringComparison.Ordinal));
    }
}

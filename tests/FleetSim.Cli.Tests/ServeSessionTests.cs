namespace FleetSim.Cli.Tests;

/// <summary>Working sessions of the real `mariadb` client at a `fleetsim serve` listener: who it is, the accounts it makes, what its statements answer.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeSessionTests(ServedFleet fleet)
{
    [Fact]
    public async Task The_administrator_logged_in_as_user_at_server_is_the_account_dbadmin_at_any_host()
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "dbadmin@contoso", "Contoso!2026", "SELECT CURRENT_USER()");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["dbadmin@%"], run.Rows);
    }

    [Fact]
    public async Task The_mariadb_command_line_serve_prints_logs_in_when_pasted()
    {
        var printed = fleet.Serve.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("mariadb ", StringComparison.Ordinal));

        var run = await MariaDbClient.RunPastedAsync(printed, "SELECT CURRENT_USER()");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["CURRENT_USER()", "dbadmin@%"], run.Rows);
    }

    /// <summary>The generated certificate names the addresses a local client dials, so a client that verifies it gets TLS without complaint.</summary>
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_client_verifying_the_generated_certificate_accepts_it_for_the_local_names(string host)
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "dbadmin@contoso", "Contoso!2026", "SHOW STATUS LIKE 'Ssl_version'",
            "--ssl-verify-server-cert", "--protocol=TCP", "-h", host);

        Assert.Equal("", run.Error);
        Assert.Equal(["Ssl_version\tTLSv1.3"], run.Rows);
    }

    [Fact]
    public async Task A_user_created_and_granted_over_the_wire_logs_in_and_sees_its_grant()
    {
        var admin = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "dbadmin@contoso", "Contoso!2026",
            "CREATE USER 'auditor'@'%' IDENTIFIED BY 'Aud1tor!2026'; GRANT SELECT ON shop.* TO 'auditor'@'%'");
        Assert.Equal(0, admin.ExitCode);

        var auditor = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "auditor@contoso", "Aud1tor!2026", "SELECT CURRENT_USER(); SHOW GRANTS");

        Assert.Equal(0, auditor.ExitCode);
        Assert.Equal("auditor@%", auditor.Rows[0]);
        Assert.Contains("GRANT SELECT ON `shop`.* TO 'auditor'@'%'", auditor.Rows);
    }

    /// <summary>A refused statement leaves the session open and reaches the client with MariaDB's code, SQLSTATE and text.</summary>
    [Theory]
    [InlineData("SELEC 1", "ERROR 1064 (42000) at line 1: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'SELEC 1' at line 1")]
    [InlineData("SELECT * FROM orders", "ERROR 1046 (3D000) at line 1: No database selected")]
    [InlineData("DROP TABLE shop.orders", "ERROR 1142 (42000) at line 1: DROP command denied to user 'app'@'203.0.113.9' for table 'orders'")]
    [InlineData("DROP USER 'nobody'@'%'", "ERROR 1227 (42000) at line 1: Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation")]
    [InlineData("USE otherdb", "ERROR 1044 (42000) at line 1: Access denied for user 'app'@'%' to database 'otherdb'")]
    public async Task A_refused_statement_gets_the_real_code_and_SQLSTATE(string sql, string errorLine)
    {
        // --force: the client goes on after an error, to show that the session does.
        var run = await MariaDbClient.RunScriptAsync(fleet.Serve, fleet.East, "app@contoso", "Sh0p!2026", $"{sql};\nSELECT 'still open';\n", "--force");

        Assert.Equal(errorLine, run.Error);
        Assert.Equal(["still open"], run.Rows);
    }
}

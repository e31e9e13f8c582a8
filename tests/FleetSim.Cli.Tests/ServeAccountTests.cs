namespace FleetSim.Cli.Tests;

/// <summary>Working sessions of the real `mariadb` client at a `fleetsim serve` listener: who it is, and accounts it makes.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeAccountTests(ServedFleet fleet)
{
    [Fact]
    public async Task The_administrator_logged_in_as_user_at_server_is_the_account_dbadmin_at_any_host()
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "dbadmin@contoso", "Contoso!2026", "SELECT CURRENT_USER()");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["dbadmin@%"], run.Rows);
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
}

using static FleetSim.Cli.Tests.ServedFleet;

namespace FleetSim.Cli.Tests;

/// <summary>
/// Every decision a real client can meet at a `fleetsim serve` listener, as the real `mariadb`
/// client prints it: the real code, SQLSTATE and text of the service (DOMAIN.md, ConnectionErrors).
/// HostNotFound is the client's own DNS and cannot be met through a listener.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class ServeDecisionTests(ServedFleet fleet)
{
    private Task<MariaDbClient.Run> Login(int port, string user, string? password, params string[] options) =>
        MariaDbClient.RunAsync(fleet.Serve, port, user, password, "SELECT 1", options);

    private static void AssertRefused(string errorLine, MariaDbClient.Run run)
    {
        Assert.Equal(errorLine, run.Error);
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_client_outside_the_firewall_gets_9000_naming_the_address_it_presents()
    {
        AssertRefused("ERROR 9000 (HY000): Client with IP address '203.0.113.9' is not allowed to connect to this MariaDB server.",
            await Login(fleet.East, "fabadmin@fabrikam", "Fabrikam#2026"));
    }

    [Fact]
    public async Task An_Azure_address_is_admitted_by_the_rule_that_allows_Azure_services()
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.AzureVm, "fabadmin@fabrikam", "Fabrikam#2026", "SELECT CURRENT_USER()");

        Assert.Equal("", run.Error);
        Assert.Equal(["fabadmin@%"], run.Rows);
    }

    [Fact]
    public async Task A_server_without_SSL_enforcement_accepts_a_client_without_TLS()
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.AzureVm, "fabadmin@fabrikam", "Fabrikam#2026", "SHOW STATUS LIKE 'Ssl_version'", "--skip-ssl");

        Assert.Equal("", run.Error);
        Assert.Equal(["Ssl_version\t"], run.Rows);
    }

    [Fact]
    public async Task A_wrong_password_gets_1045_using_password_YES()
    {
        AssertRefused("ERROR 1045 (28000): Access denied for user 'dbadmin'@'203.0.113.9' (using password: YES)",
            await Login(fleet.East, "dbadmin@contoso", "Contoso!2025"));
    }

    [Fact]
    public async Task A_login_without_a_password_gets_1045_using_password_NO()
    {
        AssertRefused("ERROR 1045 (28000): Access denied for user 'dbadmin'@'203.0.113.9' (using password: NO)",
            await Login(fleet.East, "dbadmin@contoso", password: null));
    }

    [Fact]
    public async Task A_client_without_TLS_gets_9002_from_a_server_that_enforces_SSL()
    {
        AssertRefused("ERROR 9002 (28000): SSL connection is required. Please specify SSL options and retry.",
            await Login(fleet.East, "dbadmin@contoso", "Contoso!2026", "--skip-ssl"));
    }

    /// <summary>
    /// contoso's minimalTlsVersion is TLS1_2, the highest the service offers, and the listeners speak
    /// only TLS 1.2 and 1.3: no real client can negotiate below the minimum, so TlsVersionTooLow is
    /// met by simulated clients only. What a real client can prove is that both versions pass and the
    /// session reports the version really negotiated.
    /// </summary>
    [Theory]
    [InlineData("TLSv1.2")]
    [InlineData("TLSv1.3")]
    public async Task Both_TLS_versions_a_listener_speaks_meet_a_minimal_TLS1_2(string version)
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.East, "dbadmin@contoso", "Contoso!2026",
            "SHOW STATUS LIKE 'Ssl_version'", $"--tls-version={version}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"Ssl_version\t{version}"], run.Rows);
    }

    [Fact]
    public async Task A_stopped_server_refuses_the_login_with_9002()
    {
        AssertRefused("ERROR 9002 (28000): The server 'wingtip' is stopped. Start the server and retry connection.",
            await Login(fleet.East, "wtadmin@wingtip", "Wingtip%2026"));
    }

    [Fact]
    public async Task An_inaccessible_server_refuses_the_login_with_9002()
    {
        AssertRefused("ERROR 9002 (28000): The server 'northwind' is inaccessible: its customer-managed key cannot be reached. Restore access to the key and revalidate the server.",
            await Login(fleet.East, "nwadmin@northwind", "Northwind&2026"));
    }

    [Fact]
    public async Task A_login_naming_an_unknown_server_gets_9002_naming_it()
    {
        AssertRefused("ERROR 9002 (28000): The server name you tried cannot be found: contosso. Please check the Username and retry connection. The Username should be in <username@hostname> format.",
            await Login(fleet.East, "dbadmin@contosso", "Contoso!2026"));
    }

    [Fact]
    public async Task A_login_without_at_server_at_a_listener_without_a_host_gets_9002()
    {
        AssertRefused("ERROR 9002 (28000): The server name you tried cannot be found: . Please check the Username and retry connection. The Username should be in <username@hostname> format.",
            await Login(fleet.East, "dbadmin", "Contoso!2026"));
    }

    [Fact]
    public async Task A_login_without_at_server_at_a_listener_with_a_host_reaches_the_server_the_host_names()
    {
        var run = await MariaDbClient.RunAsync(fleet.Serve, fleet.DialledContoso, "dbadmin", "Contoso!2026", "SELECT CURRENT_USER()");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["dbadmin@%"], run.Rows);
    }

    [Fact]
    public async Task The_internet_is_refused_with_47073_by_a_server_whose_public_network_access_is_disabled()
    {
        AssertRefused("ERROR 47073 (HY000): Connection was denied since Deny Public Network Access is set to Yes. To connect to this server, use the Private Endpoint from inside your virtual network.",
            await Login(fleet.West, "tsadmin@tailspin", "Tailspin$2026"));
    }

    [Fact]
    public async Task A_private_endpoint_whose_connection_is_not_approved_is_refused_with_47073()
    {
        AssertRefused("ERROR 47073 (HY000): Connection through private endpoint 'pe-contractor' was denied: its private endpoint connection is Pending, not Approved.",
            await Login(fleet.Contractor, "tsadmin@tailspin", "Tailspin$2026"));
    }

    [Fact]
    public async Task A_service_endpoint_subnet_that_no_VNet_rule_names_gets_40914()
    {
        AssertRefused("ERROR 40914 (HY000): Client from Azure Virtual Networks is not allowed to access the server.",
            await Login(fleet.Batch, "dbadmin@contoso", "Contoso!2026"));
    }

    [Fact]
    public async Task A_login_naming_a_database_the_user_has_no_grant_on_gets_1044()
    {
        AssertRefused("ERROR 1044 (42000): Access denied for user 'app'@'%' to database 'otherdb'",
            await Login(fleet.East, "app@contoso", "Sh0p!2026", "-D", "otherdb"));
    }

    [Fact]
    public async Task A_login_beyond_max_connections_gets_1040_while_the_sessions_are_held_by_real_clients()
    {
        var held = new List<HeldSession>();
        try
        {
            for (var i = 0; i < ServeFleets.LitwareMaxConnections; i++)
                held.Add(await MariaDbClient.HoldAsync(fleet.Serve, fleet.East, "lwadmin@litware", "Litware!2026"));

            AssertRefused("ERROR 1040 (08004): Too many connections", await Login(fleet.East, "lwadmin@litware", "Litware!2026"));
        }
        finally
        {
            foreach (var session in held)
                await session.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_Decommissioned_gateway_gets_no_listener_so_the_client_cannot_connect()
    {
        var run = await Login(fleet.RetiredPort, "dbadmin@contoso", "Contoso!2026");

        Assert.DoesNotContain(fleet.Serve.Listeners, l => l.Gateway == RetiredGateway);
        Assert.Contains(fleet.Serve.Output.Split('\n'), line => line.Contains("not opened", StringComparison.Ordinal) && line.Contains(RetiredGateway, StringComparison.Ordinal));
        // The client's own error, as for a retired address: 2002/2003 Can't connect.
        Assert.Matches(@"^ERROR 200[23] \(HY000\): Can't connect to (MySQL )?server on '127\.0\.0\.1'", run.Error);
    }
}

using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// What an application's driver (MySqlConnector) meets at a FleetSim gateway listener: the real
/// service's error numbers and SQLSTATEs, and a working session once admitted.
/// </summary>
public sealed class DriverAnswersTests(WireFixture fleet) : IClassFixture<WireFixture>
{
    public static TheoryData<string, string, MySqlSslMode, string?, int, string> Denials => new()
    {
        { "dbadmin@closed", TestFleet.AdminPassword, MySqlSslMode.Required, null, 9000, "HY000" },
        { "dbadmin@contoso", "wrong", MySqlSslMode.Required, null, 1045, "28000" },
        { "dbadmin@contoso", TestFleet.AdminPassword, MySqlSslMode.None, null, 9002, "28000" },
        { "dbadmin@stopped", TestFleet.AdminPassword, MySqlSslMode.Required, null, 9002, "28000" },
        { "dbadmin@nowhere", TestFleet.AdminPassword, MySqlSslMode.Required, null, 9002, "28000" },
        { "app@contoso", TestFleet.AppPassword, MySqlSslMode.Required, "payroll", 1044, "42000" },
    };

    [Theory]
    [MemberData(nameof(Denials))]
    public async Task A_refused_login_reaches_the_driver_with_the_services_error_number_and_sqlstate(
        string user, string password, MySqlSslMode ssl, string? database, int number, string sqlState)
    {
        var settings = fleet.Connection(user, password, ssl);
        settings.Database = database ?? "";
        await using var connection = new MySqlConnection(settings.ConnectionString);

        var error = await Assert.ThrowsAsync<MySqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        Assert.Equal(number, error.Number);
        Assert.Equal(sqlState, error.SqlState);
    }

    [Fact]
    public async Task An_admitted_login_runs_statements_in_its_session_and_a_denied_one_gets_1142()
    {
        await using var connection = new MySqlConnection(fleet.Connection("app@contoso", TestFleet.AppPassword).ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("app@%", await Scalar(connection, "SELECT CURRENT_USER()"));
        Assert.Equal($"app@{TestFleet.SourceIp}", await Scalar(connection, "SELECT USER()"));
        Assert.Equal("625", await Scalar(connection, "SELECT @@max_connections"));
        var denied = await Assert.ThrowsAsync<MySqlException>(() => new MySqlCommand("DROP TABLE shop.orders", connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1142, denied.Number);
        Assert.Equal("42000", denied.SqlState);
    }

    [Fact]
    public async Task The_tls_a_client_negotiated_is_what_its_session_reports()
    {
        var settings = fleet.Connection("dbadmin@contoso", TestFleet.AdminPassword);
        settings.TlsVersion = "TLS 1.2";
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        await using var command = new MySqlCommand("SHOW STATUS LIKE 'Ssl_version'", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("TLSv1.2", reader.GetString(1));
    }

    [Fact]
    public async Task Wire_sessions_count_towards_max_connections_and_end_when_the_client_closes()
    {
        var settings = fleet.Connection("dbadmin@tiny", TestFleet.AdminPassword, MySqlSslMode.None);
        var held = new List<MySqlConnection>();
        try
        {
            var limit = (await fleet.Status("tiny")).MaxConnections;
            for (var i = 0; i < limit; i++)
            {
                held.Add(new MySqlConnection(settings.ConnectionString));
                await held[^1].OpenAsync(TestContext.Current.CancellationToken);
            }
            await using var oneTooMany = new MySqlConnection(settings.ConnectionString);

            var error = await Assert.ThrowsAsync<MySqlException>(() => oneTooMany.OpenAsync(TestContext.Current.CancellationToken));

            Assert.Equal(1040, error.Number);
            Assert.Equal("08004", error.SqlState);
        }
        finally
        {
            foreach (var connection in held)
                await connection.DisposeAsync();
        }
        await WireFixture.Eventually(async () => (await fleet.Status("tiny")).OpenConnections == 0, "the closed sessions end on the server");
    }

    [Fact]
    public async Task A_pooled_connection_is_reset_and_reused_and_its_session_ends_when_the_pool_is_cleared()
    {
        var settings = fleet.Connection("dbadmin@plain", TestFleet.AdminPassword, MySqlSslMode.None);
        settings.Pooling = true;
        settings.ConnectionReset = true;
        var ids = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await using var connection = new MySqlConnection(settings.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            ids.Add(await Scalar(connection, "SELECT CONNECTION_ID()"));
        }

        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await fleet.Status("plain")).OpenConnections);
        await MySqlConnection.ClearAllPoolsAsync(TestContext.Current.CancellationToken);
        await WireFixture.Eventually(async () => (await fleet.Status("plain")).OpenConnections == 0, "the pooled session ends when the pool is cleared");
    }

    private static async Task<string?> Scalar(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString();
    }
}

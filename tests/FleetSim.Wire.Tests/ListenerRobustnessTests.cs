using System.Text;
using CsCheck;
using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// Bad input and faults on the wire: none crashes a listener, leaks a session or lets a broken
/// login in. After each, the server's open sessions are back to zero and a real driver still logs in.
/// </summary>
public sealed class ListenerRobustnessTests(WireFixture fleet) : IClassFixture<WireFixture>
{
    private const string Server = "plain";

    [Fact]
    public async Task Random_bytes_after_the_greeting_never_break_the_listener_nor_open_a_session()
    {
        await Gen.Byte.Array[0, 300].SampleAsync(async garbage =>
        {
            await using var client = await RawClient.Connect(fleet.Gateway);
            await client.SendRaw(garbage);
        }, iter: 60, threads: 1);

        await AssertListenerServesAndNothingLeaked();
    }

    [Fact]
    public async Task A_login_packet_cut_anywhere_is_refused_and_never_admitted()
    {
        await Gen.Int[0, 200].SampleAsync(async cut =>
        {
            await using var client = await RawClient.Connect(fleet.Gateway);
            var login = client.Login($"dbadmin@{Server}", TestFleet.AdminPassword);
            // Cut before the scramble answer is whole (the plugin name after it is optional).
            var whole = login.Length - "mysql_native_password".Length - 1;
            await client.Send(login[..Math.Min(cut, whole - 1)], 1);
            var answer = await client.Read();
            // A packet cut inside a field gets an ERR; cut between fields it is read as a login
            // without a password, and refused by authentication. Never an OK.
            Assert.True(answer is null || answer[0] == 0xFF, $"cut at {cut}: answered 0x{answer?[0]:X2}");
        }, iter: 60, threads: 1);

        await AssertListenerServesAndNothingLeaked();
    }

    [Fact]
    public async Task A_client_that_vanishes_mid_session_leaves_no_session_behind()
    {
        await using (var client = await RawClient.Connect(fleet.Gateway))
        {
            await client.Send(client.Login($"dbadmin@{Server}", TestFleet.AdminPassword), 1);
            var ok = await client.Read();
            Assert.Equal(0x00, ok![0]);
            await WireFixture.Eventually(async () => (await fleet.Status(Server)).OpenConnections == 1, "the session opens");
        }

        await AssertListenerServesAndNothingLeaked();
    }

    [Fact]
    public async Task A_client_that_says_nothing_is_dropped_after_connect_timeout()
    {
        await using var client = await RawClient.Connect(fleet.Gateway);

        Assert.True(await client.ClosedByServer());
    }

    [Fact]
    public async Task A_packet_out_of_sequence_ends_the_connection_with_1156()
    {
        await using var client = await RawClient.Connect(fleet.Gateway);
        await client.Send(client.Login($"dbadmin@{Server}", TestFleet.AdminPassword), 7);

        var answer = await client.Read();

        Assert.Equal(0xFF, answer![0]);
        Assert.Equal(1156, answer[1] | (answer[2] << 8));
        Assert.True(await client.ClosedByServer());
    }

    [Fact]
    public async Task A_statement_over_max_allowed_packet_ends_the_session_with_1153()
    {
        await using (var client = await RawClient.Connect(fleet.Gateway))
        {
            await client.Send(client.Login($"dbadmin@{Server}", TestFleet.AdminPassword), 1);
            Assert.Equal(0x00, (await client.Read())![0]);
            var query = Encoding.UTF8.GetBytes("SELECT '" + new string('x', WireFixture.MaxAllowedPacket) + "'");
            await client.Send([0x03, .. query], 0);

            var answer = await client.Read();

            Assert.Equal(0xFF, answer![0]);
            Assert.Equal(1153, answer[1] | (answer[2] << 8));
            Assert.True(await client.ClosedByServer());
        }
        await AssertListenerServesAndNothingLeaked();
    }

    private async Task AssertListenerServesAndNothingLeaked()
    {
        await WireFixture.Eventually(async () => (await fleet.Status(Server)).OpenConnections == 0, "every session of the broken clients ends");
        await using var connection = new MySqlConnection(fleet.Connection($"dbadmin@{Server}", TestFleet.AdminPassword, MySqlSslMode.None).ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new MySqlCommand("SELECT 1", connection);
        Assert.Equal("1", (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString());
    }
}

using System.Text;
using FleetSim.Policy.Admission;

namespace FleetSim.Wire.Tests;

/// <summary>How a login reaches its server over the wire: plugins and the name the client dialled.</summary>
public sealed class LoginTests(WireFixture fleet) : IClassFixture<WireFixture>
{
    [Fact]
    public async Task A_client_that_starts_with_another_plugin_is_switched_to_native_password_with_a_fresh_scramble()
    {
        await using var client = await RawClient.Connect(fleet.Gateway);
        await client.Send(client.Login("dbadmin@plain", TestFleet.AdminPassword, plugin: "caching_sha2_password"), 1);

        var switchRequest = await client.Read();
        Assert.Equal(0xFE, switchRequest![0]);
        var plugin = Encoding.UTF8.GetString(switchRequest.AsSpan(1, "mysql_native_password".Length));
        Assert.Equal("mysql_native_password", plugin);
        var scramble = switchRequest.AsSpan(2 + plugin.Length, 20).ToArray();
        Assert.NotEqual(client.Scramble, scramble);

        await client.Send(ScrambleProof.For(TestFleet.AdminPassword, scramble).Response, 3);
        Assert.Equal(0x00, (await client.Read())![0]);
    }

    [Fact]
    public async Task A_login_without_a_server_name_is_routed_by_the_tls_server_name_the_client_dialled()
    {
        await using var client = await RawClient.Connect(fleet.Gateway);
        await client.StartTls("contoso.mariadb.database.azure.com", fleet.Ca);
        await client.Send(client.Login("dbadmin", TestFleet.AdminPassword, tls: true), 2);

        Assert.Equal(0x00, (await client.Read())![0]);
        await WireFixture.Eventually(async () => (await fleet.Status("contoso")).OpenConnections == 1, "the session opens on contoso");
    }

    [Fact]
    public async Task A_login_without_a_server_name_or_a_dialled_name_gets_9002()
    {
        await using var client = await RawClient.Connect(fleet.Gateway);
        await client.Send(client.Login("dbadmin", TestFleet.AdminPassword), 1);

        var answer = await client.Read();

        Assert.Equal(0xFF, answer![0]);
        Assert.Equal(9002, answer[1] | (answer[2] << 8));
    }
}

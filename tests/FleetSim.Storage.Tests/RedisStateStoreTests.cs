using System.Net;
using System.Net.Sockets;
using FleetSim.Storage.Redis;
using StackExchange.Redis;

namespace FleetSim.Storage.Tests;

/// <summary>The Redis state store on its own: locations, and what it says when Redis does not answer.</summary>
public sealed class RedisStateStoreTests
{
    [Fact]
    public void A_location_is_StackExchange_Redis_configuration_after_the_scheme()
    {
        var configuration = RedisStateLocation.Parse("redis://127.0.0.1:6390,connectTimeout=750,defaultDatabase=2/");

        Assert.Equal("127.0.0.1:6390", Assert.Single(configuration.EndPoints).ToString());
        Assert.Equal((750, 2), (configuration.ConnectTimeout, configuration.DefaultDatabase));
        Assert.Throws<ArgumentException>(() => RedisStateLocation.Parse("data/state.db"));
        Assert.Throws<ArgumentException>(() => RedisStateLocation.Parse("redis://"));
    }

    [Fact]
    public void A_Redis_that_does_not_answer_is_never_taken_for_one_without_state()
    {
        // abortConnect=false would let a client carry on unconnected; the check for existing state must not.
        var configuration = ConfigurationOptions.Parse($"127.0.0.1:{UnusedPort()},abortConnect=false,connectTimeout=300");

        Assert.ThrowsAny<RedisConnectionException>(() => RedisStateStore.HoldsState(configuration, "fleetsim-test"));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using FleetSim.Policy.Decisions;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Access management": max_connections by tier and vCores.</summary>
public sealed class MaxConnectionsTests
{
    [Theory]
    [InlineData("B_Gen5_1", 50)]
    [InlineData("B_Gen5_2", 100)]
    [InlineData("GP_Gen5_2", 300)]
    [InlineData("GP_Gen5_4", 625)]
    [InlineData("GP_Gen5_8", 1250)]
    [InlineData("GP_Gen5_16", 2500)]
    [InlineData("GP_Gen5_32", 5000)]
    [InlineData("GP_Gen5_64", 10000)]
    [InlineData("MO_Gen5_2", 600)]
    [InlineData("MO_Gen5_4", 1250)]
    [InlineData("MO_Gen5_8", 2500)]
    [InlineData("MO_Gen5_16", 5000)]
    [InlineData("MO_Gen5_32", 10000)]
    public void At_max_connections_for_its_SKU_a_server_refuses_the_next_connection_with_1040(string sku, int maxConnections)
    {
        var server = Servers.Contoso with { Sku = sku, FirewallRules = [Servers.AllowWholeInternet] };

        Assert.True(Admissions.Admit(server, Clients.Internet(), openConnections: maxConnections - 1).Allowed);
        Assert.Equal(new Verdict(ConnectionReason.TooManyConnections, 1040, "Too many connections"),
            Admissions.Admit(server, Clients.Internet(), openConnections: maxConnections));
    }
}

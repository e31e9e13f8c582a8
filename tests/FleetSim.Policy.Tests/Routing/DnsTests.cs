using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Routing;

/// <summary>DOMAIN, "Connectivity": DNS sends a client to its region's gateway, never to the server.</summary>
public sealed class DnsTests
{
    private static readonly FleetDirectory Directory = FleetDirectory.FromSpec(Fleets.Standard);

    [Fact]
    public void A_server_name_resolves_to_the_newest_current_gateway_of_its_region()
    {
        var (gateway, denial) = GatewayRouting.Resolve(Directory, Fleets.Host("contoso"), null, null);

        Assert.Null(denial);
        Assert.Equal(Ipv4.Parse(Fleets.NewestGatewayIp), gateway!.Ip);
        Assert.Equal(GatewayState.Current, gateway.State);
    }

    [Fact]
    public void A_server_name_resolves_to_the_gateway_of_its_own_region()
    {
        var (gateway, _) = GatewayRouting.Resolve(Directory, Fleets.Host("northwind"), null, null);

        Assert.Equal(new GatewayAddress(Ipv4.Parse(Fleets.NorthEuropeGatewayIp), Fleets.NorthEurope, GatewayState.Current), gateway);
    }

    // Retirement is DNS-only: new lookups stop returning a ring as soon as it leaves Current.
    [Fact]
    public void Dns_never_resolves_to_a_gateway_that_is_no_longer_current()
    {
        var retiring = Fleets.Standard with
        {
            Regions =
            [
                new RegionSpec
                {
                    Name = Fleets.WestEurope,
                    Gateways =
                    [
                        new GatewaySpec { Ip = Fleets.OlderCurrentGatewayIp, State = "Current" },
                        new GatewaySpec { Ip = Fleets.DecommissioningGatewayIp, State = "Decommissioning" },
                        new GatewaySpec { Ip = Fleets.DecommissionedGatewayIp, State = "Decommissioned" },
                    ],
                },
            ],
        };

        var (gateway, _) = GatewayRouting.Resolve(FleetDirectory.FromSpec(retiring), Fleets.Host("contoso"), null, null);

        Assert.Equal(Ipv4.Parse(Fleets.OlderCurrentGatewayIp), gateway!.Ip);
    }

    [Fact]
    public void Host_names_resolve_whatever_their_letter_case() =>
        Assert.NotNull(GatewayRouting.Resolve(Directory, "Contoso.MariaDB.Database.Azure.com", null, null).Gateway);

    [Fact]
    public void An_unknown_host_is_HostNotFound_2005()
    {
        var (gateway, denial) = GatewayRouting.Resolve(Directory, Fleets.Host("nosuchserver"), null, null);

        Assert.Null(gateway);
        Assert.Equal(new Verdict(ConnectionReason.HostNotFound, 2005, "Unknown MySQL server host 'nosuchserver.mariadb.database.azure.com' (-2)"), denial);
    }

    [Theory]
    [InlineData("contoso.mysql.database.azure.com")]
    [InlineData("contoso")]
    [InlineData(".mariadb.database.azure.com")]
    public void A_host_that_names_no_server_of_the_fleet_is_HostNotFound_2005(string host)
    {
        var (_, denial) = GatewayRouting.Resolve(Directory, host, null, null);

        Assert.Equal(ConnectionReason.HostNotFound, denial!.Reason);
        Assert.Equal(2005, denial.Code);
    }

    [Fact]
    public void A_pinned_address_that_is_no_gateway_is_GatewayUnreachable_2003()
    {
        var (gateway, denial) = GatewayRouting.Resolve(Directory, Fleets.Host("contoso"), Ipv4.Parse("40.68.37.1"), null);

        Assert.Null(gateway);
        Assert.Equal(new Verdict(ConnectionReason.GatewayUnreachable, 2003, "Can't connect to MySQL server on '40.68.37.1' (110)"), denial);
    }

    [Fact]
    public void A_pinned_gateway_is_dialled_without_consulting_DNS()
    {
        var (gateway, denial) = GatewayRouting.Resolve(Directory, Fleets.Host("nosuchserver"), Ipv4.Parse(Fleets.OlderCurrentGatewayIp), null);

        Assert.Null(denial);
        Assert.Equal(Ipv4.Parse(Fleets.OlderCurrentGatewayIp), gateway!.Ip);
    }

    [Fact]
    public void A_client_pinned_to_a_decommissioned_gateway_can_no_longer_connect()
    {
        var attempt = Attempts.To("contoso") with { GatewayIp = Ipv4.Parse(Fleets.DecommissionedGatewayIp) };

        var verdict = Connections.Connect(Fleets.Standard, attempt);

        Assert.Equal(new Verdict(ConnectionReason.GatewayUnreachable, 2003, $"Can't connect to MySQL server on '{Fleets.DecommissionedGatewayIp}' (110)"), verdict);
    }

    [Fact]
    public void A_client_pinned_to_a_decommissioning_gateway_still_connects()
    {
        var fleet = Fleets.With(Servers.Contoso with { FirewallRules = [Servers.Rule("office", Clients.InternetIp, Clients.InternetIp)] });
        var attempt = Attempts.To("contoso") with { GatewayIp = Ipv4.Parse(Fleets.DecommissioningGatewayIp) };

        Assert.True(Connections.Connect(fleet, attempt).Allowed);
    }
}

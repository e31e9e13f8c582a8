using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Routing;

/// <summary>DOMAIN, "Connectivity": the gateway routes on user@server, not on the host that was dialled.</summary>
public sealed class GatewayRoutingTests
{
    private static readonly FleetDirectory Directory = FleetDirectory.FromSpec(Fleets.Standard);

    private static (Route? Route, Verdict? Denial) RouteAt(string gatewayIp, ConnectionAttempt attempt)
    {
        Assert.True(Directory.TryGetGateway(Ipv4.Parse(gatewayIp), out var gateway));
        return GatewayRouting.Route(Directory, gateway, attempt, null);
    }

    private static string ServerNotFoundText(string name) =>
        $"The server name you tried cannot be found: {name}. Please check the Username and retry connection. The Username should be in <username@hostname> format.";

    [Fact]
    public void The_gateway_routes_on_the_server_in_the_user_name_not_on_the_dialled_host()
    {
        var attempt = Attempts.To("other") with { User = "admin@contoso" };

        var (route, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Null(denial);
        Assert.Equal("contoso", route!.Server);
    }

    [Fact]
    public void A_server_named_in_any_case_is_routed_to_by_the_name_the_fleet_gives_it()
    {
        var attempt = Attempts.To("contoso") with { User = "admin@CONTOSO" };

        var (route, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Null(denial);
        Assert.Equal(("contoso", "admin"), (route!.Server, route.Login));
    }

    [Fact]
    public void The_login_is_the_user_name_without_its_server_suffix() =>
        Assert.Equal("fleetadmin", RouteAt(Fleets.NewestGatewayIp, Attempts.To("contoso")).Route!.Login);

    [Fact]
    public void Without_a_suffix_the_first_label_of_the_host_names_the_server()
    {
        var attempt = Attempts.To("contoso") with { User = "fleetadmin" };

        var (route, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Null(denial);
        Assert.Equal(new Route("contoso", "fleetadmin", route!.Source), route);
    }

    [Fact]
    public void An_unknown_server_in_the_user_name_is_9002_with_the_service_text()
    {
        var attempt = Attempts.To("contoso") with { User = "fleetadmin@nosuchserver" };

        var (route, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Null(route);
        Assert.Equal(new Verdict(ConnectionReason.ServerNotFound, 9002, ServerNotFoundText("nosuchserver")), denial);
    }

    [Fact]
    public void A_user_without_a_suffix_dialling_a_pinned_address_is_9002()
    {
        var attempt = Attempts.To("contoso") with { Host = null, GatewayIp = Ipv4.Parse(Fleets.NewestGatewayIp), User = "fleetadmin" };

        var (_, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Equal(new Verdict(ConnectionReason.ServerNotFound, 9002, ServerNotFoundText("")), denial);
    }

    [Fact]
    public void A_server_of_another_region_is_9002_at_this_gateway()
    {
        var attempt = Attempts.To("contoso") with { User = "fleetadmin@northwind" };

        var (_, denial) = RouteAt(Fleets.NewestGatewayIp, attempt);

        Assert.Equal(new Verdict(ConnectionReason.ServerNotFound, 9002, ServerNotFoundText("northwind")), denial);
    }

    [Fact]
    public void A_subnet_with_the_sql_endpoint_arrives_with_its_vnet_identity_and_private_address()
    {
        var attempt = Attempts.To("contoso") with { Source = new ClientSource.Subnet(Fleets.EndpointSubnetId, Ipv4.Parse("10.0.1.4")) };

        var source = RouteAt(Fleets.NewestGatewayIp, attempt).Route!.Source;

        Assert.Equal(new PresentedSource(PresentedKind.ServiceEndpoint, Ipv4.Parse("10.0.1.4"), SubnetId: Fleets.EndpointSubnetId), source);
    }

    [Fact]
    public void A_subnet_without_the_endpoint_arrives_from_its_outbound_Azure_address()
    {
        var attempt = Attempts.To("contoso") with { Source = new ClientSource.Subnet(Fleets.PlainSubnetId, Ipv4.Parse("10.0.2.4")) };

        var source = RouteAt(Fleets.NewestGatewayIp, attempt).Route!.Source;

        Assert.Equal(new PresentedSource(PresentedKind.Azure, Ipv4.Parse(Fleets.PlainSubnetOutboundIp)), source);
    }

    [Fact]
    public void Internet_and_Azure_clients_arrive_from_their_own_public_address()
    {
        var fromInternet = RouteAt(Fleets.NewestGatewayIp, Attempts.To("contoso")).Route!.Source;
        var fromAzure = RouteAt(Fleets.NewestGatewayIp, Attempts.To("contoso") with { Source = new ClientSource.Azure(Ipv4.Parse(Clients.AzureIp)) }).Route!.Source;

        Assert.Equal(Clients.Internet(), fromInternet);
        Assert.Equal(Clients.Azure(), fromAzure);
    }
}

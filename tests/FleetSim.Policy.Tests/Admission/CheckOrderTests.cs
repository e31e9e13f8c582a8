using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// The first failing check decides, in the order routing, server state, TLS, network access,
/// authentication, max_connections. Each test fails two adjacent checks at once and expects the
/// earlier one's error.
/// </summary>
public sealed class CheckOrderTests
{
    [Fact]
    public void Routing_comes_before_the_server_state()
    {
        var fleet = Fleets.With(Servers.Contoso, Servers.Named("northwind", Fleets.NorthEurope) with { State = "Stopped" });
        var attempt = Attempts.To("contoso") with { User = "fleetadmin@northwind" };

        Assert.Equal(ConnectionReason.ServerNotFound, Connections.Connect(fleet, attempt).Reason);
    }

    [Fact]
    public void The_server_state_comes_before_TLS()
    {
        var server = Servers.Contoso with { State = "Stopped", FirewallRules = [Servers.AllowWholeInternet] };

        Assert.Equal(ConnectionReason.ServerStopped, Admissions.Admit(server, Clients.Internet(), TlsVersion.None).Reason);
    }

    [Fact]
    public void TLS_comes_before_network_access()
    {
        var verdict = Admissions.Admit(Servers.Contoso, Clients.Internet(), TlsVersion.None);

        Assert.Equal(ConnectionReason.SslRequired, verdict.Reason);
    }

    [Fact]
    public void A_wrong_password_from_a_blocked_address_gets_9000_not_1045()
    {
        var verdict = Admissions.Admit(Servers.Contoso, Clients.Internet(), password: "guess");

        Assert.Equal(ConnectionReason.FirewallDenied, verdict.Reason);
        Assert.Equal(9000, verdict.Code);
    }

    [Fact]
    public void Authentication_comes_before_max_connections()
    {
        var server = Servers.Contoso with { Sku = "B_Gen5_1", FirewallRules = [Servers.AllowWholeInternet] };

        var verdict = Admissions.Admit(server, Clients.Internet(), password: "guess", openConnections: 50);

        Assert.Equal(ConnectionReason.AccessDenied, verdict.Reason);
    }
}

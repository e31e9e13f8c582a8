using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "Access management": authentication follows the network checks.</summary>
public sealed class AuthenticationTests
{
    private static readonly ServerSpec Open = Servers.Contoso with
    {
        FirewallRules = [Servers.AllowWholeInternet],
        Users = [new UserSpec { Name = "reporting", Password = "R3port!ngOnly" }],
    };

    [Fact]
    public void A_wrong_password_from_an_allowed_address_is_1045_naming_the_user_and_the_address()
    {
        var verdict = Admissions.Admit(Open, Clients.Internet(), login: "reporting", password: "guess");

        Assert.Equal(new Verdict(ConnectionReason.AccessDenied, 1045, $"Access denied for user 'reporting'@'{Clients.InternetIp}' (using password: YES)"), verdict);
    }

    [Fact]
    public void An_unknown_login_is_1045_like_a_wrong_password()
    {
        var verdict = Admissions.Admit(Open, Clients.Internet(), login: "mallory", password: "guess");

        Assert.Equal($"Access denied for user 'mallory'@'{Clients.InternetIp}' (using password: YES)", verdict.Message);
    }

    [Fact]
    public void The_administrator_and_created_users_log_in_with_their_own_passwords()
    {
        Assert.True(Admissions.Admit(Open, Clients.Internet()).Allowed);
        Assert.True(Admissions.Admit(Open, Clients.Internet(), login: "reporting", password: "R3port!ngOnly").Allowed);
    }

    [Fact]
    public void A_service_endpoint_client_is_named_by_its_private_address()
    {
        var server = Open with { FirewallRules = [Servers.AllowAllAzureIps] };

        var verdict = Admissions.Admit(server, Clients.ServiceEndpoint(Fleets.EndpointSubnetId, "10.0.1.4"), password: "guess");

        Assert.Equal($"Access denied for user '{Servers.AdminLogin}'@'10.0.1.4' (using password: YES)", verdict.Message);
    }
}

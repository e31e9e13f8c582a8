using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>DOMAIN, "TLS in transit".</summary>
public sealed class TlsTests
{
    private static readonly ServerSpec Open = Servers.Contoso with { FirewallRules = [Servers.AllowWholeInternet] };

    [Fact]
    public void SslEnforcement_is_Enabled_by_default_so_a_plain_text_client_gets_9002_SSL_connection_is_required()
    {
        var verdict = Admissions.Admit(Open, Clients.Internet(), TlsVersion.None);

        Assert.Equal(new Verdict(ConnectionReason.SslRequired, 9002, "SSL connection is required. Please specify SSL options and retry."), verdict);
    }

    [Fact]
    public void With_sslEnforcement_Disabled_a_plain_text_client_is_accepted() =>
        Assert.True(Admissions.Admit(Open with { SslEnforcement = "Disabled" }, Clients.Internet(), TlsVersion.None).Allowed);

    [Theory]
    [InlineData(TlsVersion.Tls1_0)]
    [InlineData(TlsVersion.Tls1_1)]
    public void MinimalTlsVersion_TLS1_2_refuses_an_older_TLS_with_47072(TlsVersion offered)
    {
        var verdict = Admissions.Admit(Open with { MinimalTlsVersion = "TLS1_2" }, Clients.Internet(), offered);

        Assert.Equal(new Verdict(ConnectionReason.TlsVersionTooLow, 47072, "Login failed with invalid TLS version"), verdict);
    }

    [Theory]
    [InlineData(TlsVersion.Tls1_2)]
    [InlineData(TlsVersion.Tls1_3)]
    public void MinimalTlsVersion_TLS1_2_accepts_TLS_1_2_and_newer(TlsVersion offered) =>
        Assert.True(Admissions.Admit(Open with { MinimalTlsVersion = "TLS1_2" }, Clients.Internet(), offered).Allowed);

    [Theory]
    [InlineData("TLSEnforcementDisabled", TlsVersion.Tls1_0, true)]
    [InlineData("TLS1_0", TlsVersion.Tls1_0, true)]
    [InlineData("TLS1_1", TlsVersion.Tls1_0, false)]
    [InlineData("TLS1_1", TlsVersion.Tls1_1, true)]
    [InlineData("TLS1_1", TlsVersion.Tls1_3, true)]
    [InlineData("TLS1_2", TlsVersion.Tls1_1, false)]
    public void A_minimal_TLS_version_accepts_that_version_and_newer(string minimalTlsVersion, TlsVersion offered, bool accepted) =>
        Assert.Equal(accepted, Admissions.Admit(Open with { MinimalTlsVersion = minimalTlsVersion }, Clients.Internet(), offered).Allowed);

    [Fact]
    public void A_plain_text_client_is_refused_as_SSL_required_whatever_the_minimal_version() =>
        Assert.Equal(ConnectionReason.SslRequired,
            Admissions.Admit(Open with { MinimalTlsVersion = "TLS1_2" }, Clients.Internet(), TlsVersion.None).Reason);
}

using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>
/// `server update`: the settings given change, the others stay. What the service refuses to an
/// existing server (going back to TLSEnforcementDisabled, to or from Basic) is judged with the
/// fleet's other transitions when the result is validated.
/// </summary>
public sealed record UpdateServer(string Server, string? Sku = null, string? SslEnforcement = null,
    string? MinimalTlsVersion = null, string? PublicNetworkAccess = null) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s => s with
    {
        Sku = Sku ?? s.Sku,
        SslEnforcement = SslEnforcement ?? s.SslEnforcement,
        MinimalTlsVersion = MinimalTlsVersion ?? s.MinimalTlsVersion,
        PublicNetworkAccess = PublicNetworkAccess ?? s.PublicNetworkAccess,
    });
}

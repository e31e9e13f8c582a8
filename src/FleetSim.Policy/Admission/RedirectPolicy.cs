using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// The redirect connection policy: with redirect_enabled ON, a login over TLS 1.2 or later that
/// did not come through a private endpoint is told, once authenticated, where the server really
/// is, so that its later traffic skips the gateway.
/// </summary>
public static class RedirectPolicy
{
    public static bool Applies(IReadOnlyDictionary<string, string> parameters, TlsVersion tls, PresentedKind source)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryGetValue(ServerParameters.RedirectEnabled, out var enabled)
            && string.Equals(enabled, "ON", StringComparison.OrdinalIgnoreCase)
            && tls >= TlsVersion.Tls1_2
            && source != PresentedKind.PrivateEndpoint;
    }
}

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using FleetSim.Policy.Spec;

namespace FleetSim.Wire.Listening;

/// <summary>How the listeners treat their clients.</summary>
public sealed record WireOptions
{
    /// <summary>A client that has not logged in by then is dropped (MariaDB's connect_timeout).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(ServerVariables.ConnectTimeoutSeconds);

    /// <summary>The largest packet a client may send (max_allowed_packet); larger ones end the connection.</summary>
    public int MaxAllowedPacket { get; init; } = ServerVariables.MaxAllowedPacket;

    /// <summary>The certificate TLS clients get; null offers no TLS.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// Told of each login's decision and when the client sent it, e.g. so that a run counts its
    /// wire clients' modelled latency (the result's Modelled, when the fleet has a model).
    /// </summary>
    public Action<Contracts.Connections.ConnectResult, DateTimeOffset>? Decided { get; init; }

    /// <summary>
    /// Told of each statement's gateway, server, whether its session was redirected (a direct
    /// endpoint's: it skipped the gateway), modelled latency and when it left the client in the model.
    /// </summary>
    public Action<string, string, bool, Policy.Model.ModelledLatency, DateTimeOffset>? StatementDecided { get; init; }

    private SslStreamCertificateContext? _certificateContext;

    /// <summary>The certificate as handshakes use it, built once: built per handshake, it costs every TLS login a chain walk.</summary>
    internal SslStreamCertificateContext? CertificateContext =>
        Certificate is null ? null : _certificateContext ??= SslStreamCertificateContext.Create(Certificate, additionalCertificates: null, offline: true);
}

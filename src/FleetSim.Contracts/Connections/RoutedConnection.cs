using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Connections;

/// <summary>
/// A connection as the gateway hands it to the server grain: the login without its @server
/// suffix, the TLS version the gateway terminated, the client as the Azure network presents it,
/// and what the client asks of the session. A wire client proves its password with Proof instead. At, when given, is the simulated time of the attempt
/// (it stamps records and feeds threat detection; the server's own delays run on the silo clock).
/// Decision, under acknowledged audit durability: the gateway's log entry for this connection,
/// for the server to complete with its verdict and commit with its own records (one commit
/// instead of two in turn).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoutedConnection(
    string Login,
    string? Password,
    TlsVersion Tls,
    RoutedSource Source,
    string Gateway,
    SessionRequest Session,
    bool Explain = false,
    DateTimeOffset? At = null,
    ScrambleProof? Proof = null,
    Modelling.ModelledVisit? Modelled = null,
    Policy.Audit.GatewayLogRecord? Decision = null);

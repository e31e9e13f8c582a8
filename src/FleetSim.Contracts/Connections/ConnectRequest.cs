using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Connections;

/// <summary>Where a simulated client connects from: exactly one of the forms an attempt may take.</summary>
[GenerateSerializer, Immutable]
public sealed record SourceAddress(string? Ip, bool Azure = false, string? Subnet = null, string? PrivateEndpoint = null);

/// <summary>
/// A client's connection attempt as a regional gateway receives it: the host it dialled, the
/// login packet (user@server, password), the TLS version it negotiated (parsed where the attempt
/// entered FleetSim: a CLI file, a scenario), and where it comes from.
/// Statements, when given, run in the session right after login; At, when given, is the simulated
/// time of the attempt (otherwise the silo's clock). A real client over the wire protocol proves
/// its password with Proof (its answer to the login scramble) instead of sending it, and its
/// transport names the TLS cipher it negotiated and an observer told if the server ends its session.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ConnectRequest(
    string? Host,
    string User,
    string? Password,
    TlsVersion Tls,
    SourceAddress Source,
    string? App = null,
    string? Database = null,
    bool Hold = false,
    bool Explain = false,
    long DirectoryVersion = 0,
    DateTimeOffset? At = null,
    IReadOnlyList<string>? Statements = null,
    ScrambleProof? Proof = null,
    string? TlsCipher = null,
    ISessionObserver? Observer = null,
    string? ModelKey = null);

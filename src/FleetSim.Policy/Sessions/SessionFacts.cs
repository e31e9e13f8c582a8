using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// What a session can tell about itself and its server: who it is, where it is, its connection and
/// the server's variables. <see cref="QueryAnswers"/> builds result rows from it.
/// </summary>
/// <param name="Variables">System variables by name (server parameters, version, max_connections...).</param>
/// <param name="Cipher">The TLS cipher the client negotiated, when the transport knows it.</param>
/// <param name="Grants">The account's grants, worked out only for SHOW GRANTS.</param>
/// <param name="Databases">The databases it may see, worked out only for SHOW DATABASES.</param>
public sealed record SessionFacts(
    string User,
    string AccountHost,
    string ClientIp,
    string? Database,
    long ConnectionId,
    TlsVersion Tls,
    string? Cipher,
    IReadOnlyDictionary<string, string> Variables,
    Func<IReadOnlyList<string>> Grants,
    Func<IReadOnlyList<string>> Databases);

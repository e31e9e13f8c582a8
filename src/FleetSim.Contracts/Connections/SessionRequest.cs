namespace FleetSim.Contracts.Connections;

/// <summary>
/// What a client asks of its session once admitted: its program name, a default database, whether
/// the connection stays open, statements to run right after login, and the TLS cipher its
/// transport negotiated (for SHOW STATUS LIKE 'Ssl_cipher'), and who to tell when the server ends a held session.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionRequest(string? App = null, string? Database = null, bool Hold = false, IReadOnlyList<string>? Statements = null, string? TlsCipher = null,
    ISessionObserver? Observer = null)
{
    public static readonly SessionRequest None = new();
}

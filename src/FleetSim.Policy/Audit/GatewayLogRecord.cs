using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Audit;

/// <summary>
/// [FleetSim rule] One decision of a regional gateway, admissions and denials alike. A connection
/// blocked at the gateway never reaches the server and so is not in its audit log; this log is
/// where it shows.
/// </summary>
/// <param name="Gateway">The gateway address that took the connection.</param>
/// <param name="Server">The server it was routed to; null when routing failed (9002).</param>
/// <param name="Source">The client as presented, e.g. "internet address 203.0.113.7".</param>
/// <param name="User">The user name as sent, user@server.</param>
/// <param name="Code">The error code; 0 when allowed.</param>
/// <param name="Rule">The firewall rule, virtual network rule or private endpoint connection that decided, if any.</param>
/// <param name="Host">The host the client dialled; null when it dialled <paramref name="Gateway"/> by address (a pinned gateway).</param>
/// <param name="SentSource">The source as the client sent it, as an attempts file writes it (<see cref="SentSources"/>): how it is presented depends on the fleet, so a replay under another fleet starts from this.</param>
/// <param name="Tls">The TLS version the client negotiated.</param>
/// <param name="Database">The default database the login named.</param>
/// <param name="App">The application name the client gave.</param>
/// <param name="Authenticated">Whether the login's password was right; null when a check before authentication decided.</param>
public sealed record GatewayLogRecord(
    DateTimeOffset Time,
    string Gateway,
    string? Server,
    string Source,
    string User,
    ConnectionReason Reason,
    int Code,
    string? Rule,
    string Region,
    string? Host = null,
    string? SentSource = null,
    TlsVersion? Tls = null,
    string? Database = null,
    string? App = null,
    bool? Authenticated = null)
{
    /// <summary>Whether the entry holds what a replay needs (entries written before FleetSim recorded it do not).</summary>
    public bool Replayable => SentSource is not null && Tls is not null;

    public static GatewayLogRecord Decision(DateTimeOffset at, GatewayAddress gateway, string? server, string source, string user, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(verdict);
        return new(at, gateway.Text, server, source, user, verdict.Reason, verdict.Code, verdict.Rule, gateway.Region);
    }
}

namespace FleetSim.Policy.Decisions;

/// <summary>
/// The outcome of one stage or of the whole pipeline: the reason, the error the client sees, and
/// the rule (firewall rule, virtual network rule or private endpoint connection) that decided.
/// </summary>
public sealed record Verdict(ConnectionReason Reason, int Code, string Message, string? Rule = null)
{
    public bool Allowed => Reason == ConnectionReason.Allowed;

    /// <summary>
    /// Whether the login's password was right, as far as the decision shows: authentication comes
    /// after state, TLS and network checks and before max_connections and the default database, so
    /// a denial before it says nothing (null).
    /// </summary>
    public bool? Authenticated => Reason switch
    {
        ConnectionReason.Allowed or ConnectionReason.TooManyConnections => true,
        ConnectionReason.AccessDenied => Code != AccessDeniedCode,
        _ => null,
    };

    /// <summary>MariaDB's ER_ACCESS_DENIED_ERROR: a wrong password or unknown login (1044 is a database refused to a known one).</summary>
    public const int AccessDeniedCode = 1045;

    public static Verdict Allow(string? rule) => rule is null ? AllowedWithoutRule : new(ConnectionReason.Allowed, 0, "", rule);

    private static readonly Verdict AllowedWithoutRule = new(ConnectionReason.Allowed, 0, "");
}

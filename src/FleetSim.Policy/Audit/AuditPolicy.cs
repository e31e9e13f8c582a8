using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Audit;

/// <summary>
/// Which events of which users a server's audit log records, from its server parameters:
/// audit_log_enabled, audit_log_events, audit_log_include_users, audit_log_exclude_users.
/// Immutable: a parameter change builds a new policy.
/// </summary>
public sealed class AuditPolicy
{
    /// <summary>The real defaults: audit_log_enabled OFF (events CONNECTION, no user lists).</summary>
    public static readonly AuditPolicy Default = new(enabled: false, AuditEvents.CONNECTION, [], []);

    private readonly HashSet<string> _include;
    private readonly HashSet<string> _exclude;

    public AuditPolicy(bool enabled, AuditEvents events, IEnumerable<string> includeUsers, IEnumerable<string> excludeUsers)
    {
        Enabled = enabled;
        Events = events;
        // MariaDB user names are case-sensitive, so the lists are too.
        _include = new HashSet<string>(includeUsers, StringComparer.Ordinal);
        _exclude = new HashSet<string>(excludeUsers, StringComparer.Ordinal);
    }

    public bool Enabled { get; }

    public AuditEvents Events { get; }

    public IReadOnlySet<string> IncludeUsers => _include;

    public IReadOnlySet<string> ExcludeUsers => _exclude;

    /// <summary>Reads the audit parameters; a missing one takes its default (<see cref="ServerParameters.Defaults"/>).</summary>
    /// <exception cref="FormatException">A value MariaDB would refuse; validated documents never have one.</exception>
    public static AuditPolicy FromParameters(IReadOnlyDictionary<string, string> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        var enabled = Value(configurations, ServerParameters.AuditLogEnabled) switch
        {
            var on when on.Equals("ON", StringComparison.OrdinalIgnoreCase) => true,
            var off when off.Equals("OFF", StringComparison.OrdinalIgnoreCase) => false,
            var other => throw new FormatException($"{ServerParameters.AuditLogEnabled}: '{other}' is not one of ON|OFF"),
        };
        var eventsValue = Value(configurations, ServerParameters.AuditLogEvents);
        if (!AuditEventNames.TryParse(eventsValue, out var events, out var unknown))
            throw new FormatException($"{ServerParameters.AuditLogEvents}: '{unknown}' is not an audit event; allowed: {string.Join(", ", ServerParameters.AuditEventNames)}");
        return new AuditPolicy(enabled, events,
            ServerParameters.SplitList(Value(configurations, ServerParameters.AuditLogIncludeUsers)),
            ServerParameters.SplitList(Value(configurations, ServerParameters.AuditLogExcludeUsers)));
    }

    /// <summary>
    /// True when an event of this category by this user goes into the audit log: auditing is on, the
    /// category is among audit_log_events, and the user passes the user lists.
    /// </summary>
    public bool ShouldLog(AuditEvents category, string user) =>
        Enabled && (Events & category) != 0 && Audits(user);

    public bool ShouldLog(StatementCategory category, string user) => ShouldLog(category.ToAuditEvent(), user);

    /// <summary>
    /// Include wins over exclude: when audit_log_include_users names anyone, exactly those users are
    /// audited, even one also excluded; otherwise everyone but audit_log_exclude_users.
    /// </summary>
    public bool Audits(string user) => _include.Count > 0 ? _include.Contains(user) : !_exclude.Contains(user);

    private static string Value(IReadOnlyDictionary<string, string> configurations, string name) =>
        configurations.TryGetValue(name, out var value) ? value : ServerParameters.Defaults[name];
}

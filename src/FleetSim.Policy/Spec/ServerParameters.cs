namespace FleetSim.Policy.Spec;

/// <summary>The server parameters FleetSim models, by their MariaDB names, with the real defaults.</summary>
public static class ServerParameters
{
    public const string AuditLogEnabled = "audit_log_enabled";
    public const string AuditLogEvents = "audit_log_events";
    public const string AuditLogIncludeUsers = "audit_log_include_users";
    public const string AuditLogExcludeUsers = "audit_log_exclude_users";
    public const string RedirectEnabled = "redirect_enabled";
    public const string MaxConnections = "max_connections";

    /// <summary>MariaDB allows at most four users in audit_log_exclude_users.</summary>
    public const int MaxExcludedUsers = 4;

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AuditLogEnabled] = "OFF",
        [AuditLogEvents] = "CONNECTION",
        [AuditLogIncludeUsers] = "",
        [AuditLogExcludeUsers] = "",
        [RedirectEnabled] = "OFF",
    };

    public static readonly IReadOnlySet<string> AuditEventNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CONNECTION", "DML_SELECT", "DML_NONSELECT", "DML", "DDL", "DCL", "ADMIN", "GENERAL",
    };

    public static IEnumerable<string> Known => Defaults.Keys.Append(MaxConnections);

    /// <summary>Splits a comma-separated parameter value, as MariaDB stores lists.</summary>
    public static string[] SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

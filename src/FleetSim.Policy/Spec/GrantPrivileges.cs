namespace FleetSim.Policy.Spec;

/// <summary>The privileges a server's administrator can grant: the ordinary ones, never SUPER.</summary>
public static class GrantPrivileges
{
    /// <summary>In the order the documentation lists them, for messages.</summary>
    public static readonly IReadOnlyList<string> Listed =
    [
        "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX", "REFERENCES",
        "CREATE VIEW", "SHOW VIEW", "TRIGGER", "EXECUTE", "EVENT", "LOCK TABLES", "CREATE TEMPORARY TABLES",
        "ALL", "ALL PRIVILEGES",
    ];

    /// <summary>Case-insensitive, as MariaDB reads GRANT statements.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(Listed, StringComparer.OrdinalIgnoreCase);
}

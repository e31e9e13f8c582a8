namespace FleetSim.Policy.Sessions;

/// <summary>The fixed vocabularies of the parser, looked up by span so that no word is allocated.</summary>
internal static class SqlWords
{
    /// <summary>
    /// MariaDB reserved words the subset meets where an identifier may stand: unquoted, they end a
    /// table name or alias rather than being one ("FROM WHERE" is an error, "FROM t WHERE" is not).
    /// </summary>
    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Reserved = Lookup(
        "ALL", "ALTER", "AND", "AS", "ASC", "BETWEEN", "BY", "CASE", "CREATE", "CROSS", "DATABASE", "DATABASES",
        "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXCEPT", "EXISTS", "FOR", "FORCE", "FROM", "GRANT", "GROUP",
        "HAVING", "IF", "IGNORE", "IN", "INDEX", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN", "KEY", "LEFT",
        "LIKE", "LIMIT", "LOCK", "NATURAL", "NOT", "NULL", "ON", "OR", "ORDER", "OUTER", "PARTITION", "PRIMARY",
        "REPLACE", "RETURNING", "REVOKE", "RIGHT", "SCHEMA", "SELECT", "SET", "SHOW", "STRAIGHT_JOIN", "TABLE",
        "THEN", "TO", "UNION", "UPDATE", "USE", "USING", "VALUES", "WHEN", "WHERE", "WITH");

    /// <summary>Leading keywords of the statements that are ADMIN and are not parsed further.</summary>
    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AdminVerbs = Canonical(
        "ANALYZE", "BEGIN", "BINLOG", "CACHE", "CALL", "CHANGE", "CHECK", "CHECKSUM", "COMMIT", "DEALLOCATE",
        "DESC", "DESCRIBE", "DO", "EXECUTE", "EXPLAIN", "FLUSH", "HANDLER", "HELP", "INSTALL", "KILL", "LOCK",
        "OPTIMIZE", "PREPARE", "PURGE", "RELEASE", "REPAIR", "RESET", "ROLLBACK", "SAVEPOINT", "SHOW", "SHUTDOWN",
        "START", "UNINSTALL", "UNLOCK", "XA");

    /// <summary>The privileges a GRANT names with one word; the others start CREATE, SHOW, LOCK or GRANT.</summary>
    public static readonly Dictionary<string, Privileges>.AlternateLookup<ReadOnlySpan<char>> OneWordPrivileges =
        new Dictionary<string, Privileges>(StringComparer.OrdinalIgnoreCase)
        {
            ["SELECT"] = Privileges.Select, ["INSERT"] = Privileges.Insert, ["UPDATE"] = Privileges.Update,
            ["DELETE"] = Privileges.Delete, ["DROP"] = Privileges.Drop, ["ALTER"] = Privileges.Alter,
            ["INDEX"] = Privileges.Index, ["REFERENCES"] = Privileges.References, ["TRIGGER"] = Privileges.Trigger,
            ["EXECUTE"] = Privileges.Execute, ["EVENT"] = Privileges.Event, ["SUPER"] = Privileges.Super,
            ["USAGE"] = Privileges.None,
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Canonical(params string[] words) =>
        words.ToDictionary(w => w, w => w, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}

namespace FleetSim.Policy.Sessions;

/// <summary>
/// Parses the SQL FleetSim understands: enough of DML and DDL to know the tables and databases a
/// statement touches, and DCL (CREATE USER, DROP USER, GRANT, REVOKE, SET PASSWORD) in full. The
/// rest of the language is classified by its leading keyword (ADMIN) and not parsed further.
/// </summary>
public static class StatementParser
{
    /// <summary>Parses one statement; a trailing semicolon is allowed. Never throws on any text.</summary>
    public static ParseResult Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var parser = new SqlParser(sql);
        return parser.Parse();
    }
}

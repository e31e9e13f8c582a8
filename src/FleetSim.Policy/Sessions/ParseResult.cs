namespace FleetSim.Policy.Sessions;

/// <summary>
/// What parsing gave: a statement, or the error MariaDB would report for it (1064 for bad syntax,
/// 1065 for an empty query). The category is known even for an error, from the leading keywords,
/// so that a failed statement is still audited under the right event.
/// </summary>
/// <param name="AuditText">The statement as the audit log may show it: password literals replaced by *****.</param>
public readonly record struct ParseResult(Statement? Statement, SqlError? Error, StatementCategory Category, string AuditText)
{
    public bool Succeeded => Statement is not null;
}

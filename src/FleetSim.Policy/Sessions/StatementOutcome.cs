namespace FleetSim.Policy.Sessions;

/// <summary>
/// What happened to one statement of a session: its category, the error if it was refused, the
/// database it ran in, and its audit text (passwords hidden). A struct: a session returns one per
/// statement, and most carry no error.
/// </summary>
/// <param name="Database">The session's database after the statement (USE changes it).</param>
/// <param name="AuditText">The statement for the audit log, password literals replaced by *****.</param>
/// <param name="ChangedAccounts">True when DCL changed accounts or grants: the server persists them.</param>
public readonly record struct StatementOutcome(
    StatementCategory Category,
    SqlError? Error,
    string? Database,
    string AuditText,
    bool ChangedAccounts = false)
{
    public bool Succeeded => Error is null;

    /// <summary>0 when the statement ran, as error_code in the audit log.</summary>
    public int ErrorCode => Error?.Code ?? 0;

    public string ErrorMessage => Error?.Message ?? "";
}

namespace FleetSim.Policy.Sessions;

/// <summary>
/// The kind of a statement, as audit_log_events names it: the members are the parameter's own
/// values, so that a record, a filter and a report all spell a category the same way.
/// </summary>
public enum StatementCategory : byte
{
    /// <summary>SELECT.</summary>
    DML_SELECT,

    /// <summary>INSERT, UPDATE, DELETE, REPLACE.</summary>
    DML_NONSELECT,

    /// <summary>CREATE, ALTER, DROP, TRUNCATE of tables, views, indexes and databases.</summary>
    DDL,

    /// <summary>GRANT, REVOKE, CREATE USER, DROP USER, SET PASSWORD.</summary>
    DCL,

    /// <summary>Everything else: SHOW, SET, USE, FLUSH, KILL, transactions.</summary>
    ADMIN,
}

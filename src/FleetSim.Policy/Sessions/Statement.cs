namespace FleetSim.Policy.Sessions;

/// <summary>
/// A parsed statement: what it is and what it touches, enough to authorize it, audit it and apply
/// its effect on accounts. Nothing is executed: FleetSim simulates access, not data.
/// </summary>
public abstract record Statement(StatementCategory Category);

/// <summary>DML, and DDL on tables, views and indexes: the tables touched and the privileges each takes.</summary>
/// <param name="Verb">The leading keywords, e.g. SELECT, CREATE TABLE, TRUNCATE.</param>
/// <param name="Tables">Empty for SELECT without FROM.</param>
public sealed record TableStatement(StatementCategory Category, string Verb, IReadOnlyList<TableAccess> Tables) : Statement(Category);

public enum DatabaseAction : byte { Use, Create, Alter, Drop }

/// <summary>USE db (ADMIN), and CREATE, ALTER, DROP DATABASE (DDL).</summary>
public sealed record DatabaseStatement(DatabaseAction Action, string Database)
    : Statement(Action == DatabaseAction.Use ? StatementCategory.ADMIN : StatementCategory.DDL)
{
    /// <summary>The privilege on the database the action takes; USE takes any privilege there.</summary>
    public Privileges Required => Action switch
    {
        DatabaseAction.Create => Privileges.Create,
        DatabaseAction.Alter => Privileges.Alter,
        DatabaseAction.Drop => Privileges.Drop,
        _ => Privileges.None,
    };
}

/// <summary>An account with the password a statement gives it (IDENTIFIED BY), if any.</summary>
public sealed record AccountPassword(Account Account, string? Password);

/// <summary>CREATE USER [IF NOT EXISTS] 'u'@'h' [IDENTIFIED BY 'p'] [, ...].</summary>
public sealed record CreateUserStatement(IReadOnlyList<AccountPassword> Accounts, bool IfNotExists) : Statement(StatementCategory.DCL);

/// <summary>ALTER USER [IF EXISTS] 'u'@'h' IDENTIFIED BY 'p' [, ...]: a password change that needs CREATE USER, even for oneself.</summary>
public sealed record AlterUserStatement(IReadOnlyList<AccountPassword> Accounts, bool IfExists) : Statement(StatementCategory.DCL);

/// <summary>DROP USER [IF EXISTS] 'u'@'h' [, ...].</summary>
public sealed record DropUserStatement(IReadOnlyList<Account> Accounts, bool IfExists) : Statement(StatementCategory.DCL);

/// <summary>GRANT privileges ON level TO 'u'@'h' [IDENTIFIED BY 'p'] [, ...] [WITH GRANT OPTION].</summary>
public sealed record GrantStatement(Privileges Privileges, GrantLevel Level, IReadOnlyList<AccountPassword> Grantees) : Statement(StatementCategory.DCL);

/// <summary>
/// REVOKE privileges ON level FROM 'u'@'h' [, ...]; or, with Level null,
/// REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'u'@'h', which clears every level.
/// </summary>
public sealed record RevokeStatement(Privileges Privileges, GrantLevel? Level, IReadOnlyList<Account> Grantees) : Statement(StatementCategory.DCL);

/// <summary>SET PASSWORD [FOR 'u'@'h'] = PASSWORD('p') | 'p'; For is null for the session's own account.</summary>
public sealed record SetPasswordStatement(Account? For, string Password) : Statement(StatementCategory.DCL);

/// <summary>
/// Everything else (SHOW, SET, FLUSH, KILL, transactions, ...), not parsed beyond its first words.
/// A few need a global privilege the administrator lacks, such as SET GLOBAL (SUPER).
/// </summary>
public sealed record AdminStatement(string Verb, Privileges RequiredGlobal = Privileges.None) : Statement(StatementCategory.ADMIN);

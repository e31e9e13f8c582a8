namespace FleetSim.Policy.Sessions;

/// <summary>Whether a user may run a statement, with MariaDB's error when not.</summary>
public sealed partial class AccessControl
{
    /// <summary>
    /// Checks a parsed statement against the user's privileges as they are now.
    /// </summary>
    /// <param name="user">The session's login.</param>
    /// <param name="clientIp">The client's address, as 1142 names it ('user'@'ip').</param>
    /// <param name="statement">The statement.</param>
    /// <param name="currentDatabase">The session's database (USE), for unqualified names; null when none.</param>
    /// <returns>Null when allowed; otherwise the error the client gets (1142, 1044, 1045, 1046, 1221, 1227).</returns>
    public SqlError? Authorize(string user, string clientIp, Statement statement, string? currentDatabase)
    {
        ArgumentNullException.ThrowIfNull(statement);
        // A user dropped while connected keeps its session but holds nothing.
        _accounts.TryGetValue(user, out var account);
        var host = account?.Host ?? Account.AnyHost;
        return statement switch
        {
            TableStatement s => AuthorizeTables(account, user, clientIp, s, currentDatabase),
            DatabaseStatement s => AuthorizeDatabase(account, user, host, s),
            CreateUserStatement or DropUserStatement or AlterUserStatement => RequireGlobal(account, Privileges.CreateUser),
            GrantStatement s => AuthorizeGrant(account, user, host, clientIp, s.Privileges, s.Level, currentDatabase),
            RevokeStatement { Level: { } level } s => AuthorizeGrant(account, user, host, clientIp, s.Privileges, level, currentDatabase),
            // REVOKE ALL PRIVILEGES, GRANT OPTION touches every level: MariaDB asks for CREATE USER.
            RevokeStatement => RequireGlobal(account, Privileges.CreateUser),
            SetPasswordStatement s => AuthorizeSetPassword(account, user, host, s),
            AdminStatement s => s.RequiredGlobal == Privileges.None ? null : RequireGlobal(account, s.RequiredGlobal),
            _ => throw new ArgumentOutOfRangeException(nameof(statement), statement.GetType().Name, "not a statement kind FleetSim knows"),
        };
    }

    /// <summary>A login that names a default database needs a privilege there, as USE does (1044).</summary>
    public SqlError? AuthorizeDatabase(string user, string database) =>
        MayUseDatabase(user, database, out var host) ? null : SqlErrors.DatabaseAccessDenied(user, host, database);

    public bool MayUseDatabase(string login, string database, out string accountHost)
    {
        _accounts.TryGetValue(login, out var account);
        accountHost = account?.Host ?? Account.AnyHost;
        return account is not null && account.HasAnyOn(database);
    }

    private static SqlError? AuthorizeTables(UserAccount? account, string user, string clientIp, TableStatement statement, string? currentDatabase)
    {
        foreach (var (table, required) in statement.Tables)
        {
            var database = table.Database ?? currentDatabase;
            if (database is null)
                return SqlErrors.NoDatabaseSelected;
            var missing = required & ~(account?.On(database, table.Table) ?? Privileges.None);
            if (missing != Privileges.None)
                return SqlErrors.TableAccessDenied(missing, user, clientIp, table.Table);
        }
        return null;
    }

    private static SqlError? AuthorizeDatabase(UserAccount? account, string user, string host, DatabaseStatement statement)
    {
        var allowed = statement.Action == DatabaseAction.Use
            ? account is not null && account.HasAnyOn(statement.Database)
            : account is not null && (account.On(statement.Database, null) & statement.Required) == statement.Required;
        return allowed ? null : SqlErrors.DatabaseAccessDenied(user, host, statement.Database);
    }

    /// <summary>
    /// GRANT and REVOKE need GRANT OPTION at the level and every privilege passed on. A refusal is
    /// reported the way MariaDB reports the level: 1045 for *.*, 1044 for a database, 1142 for a table.
    /// </summary>
    private static SqlError? AuthorizeGrant(UserAccount? account, string user, string host, string clientIp,
        Privileges privileges, GrantLevel level, string? currentDatabase)
    {
        if (level.Resolve(currentDatabase) is not { } resolved)
            return SqlErrors.NoDatabaseSelected;
        if (!resolved.IsGlobal && (privileges & PrivilegeNames.GlobalOnly) != 0)
            return SqlErrors.GlobalPrivilegeOnDatabase;
        var held = account?.At(resolved) ?? Privileges.None;
        var needed = privileges | Privileges.GrantOption;
        if ((held & needed) == needed)
            return null;
        if (resolved.IsGlobal)
            return SqlErrors.AccessDenied(user, host);
        return resolved.IsDatabase
            ? SqlErrors.DatabaseAccessDenied(user, host, resolved.Database!)
            : SqlErrors.TableAccessDenied("GRANT", user, clientIp, resolved.Table);
    }

    /// <summary>Anyone may change their own password; another account's takes CREATE USER (MariaDB: 1044 on 'mysql').</summary>
    private static SqlError? AuthorizeSetPassword(UserAccount? account, string user, string host, SetPasswordStatement statement)
    {
        if (statement.For is null || statement.For.Value.User == user)
            return null;
        return account is not null && (account.Global & Privileges.CreateUser) != 0
            ? null
            : SqlErrors.DatabaseAccessDenied(user, host, "mysql");
    }

    private static SqlError? RequireGlobal(UserAccount? account, Privileges privilege) =>
        account is not null && (account.Global & privilege) == privilege ? null : SqlErrors.SpecificAccessDenied(privilege);
}

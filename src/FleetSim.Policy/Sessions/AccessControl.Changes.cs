using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Sessions;

/// <summary>The effects of DCL on accounts, applied after <see cref="Authorize"/> allowed the statement.</summary>
public sealed partial class AccessControl
{
    /// <summary>
    /// Applies an authorized statement's effect on accounts: CREATE USER, DROP USER, ALTER USER,
    /// GRANT, REVOKE, SET PASSWORD. Other statements change nothing here. The next login and the next
    /// authorization see the change.
    /// </summary>
    /// <param name="user">The session's login: SET PASSWORD without FOR changes its password.</param>
    /// <param name="statement">The statement.</param>
    /// <param name="currentDatabase">The session's database, for GRANT ... ON * and ON table.</param>
    /// <returns>Null when applied; otherwise the error (1396, 1133, 1141, 1046).</returns>
    public SqlError? Apply(string user, Statement statement, string? currentDatabase)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return statement switch
        {
            CreateUserStatement s => CreateUsers(s),
            DropUserStatement s => DropUsers(s),
            AlterUserStatement s => AlterUsers(s),
            GrantStatement s => Grant(s, currentDatabase),
            RevokeStatement s => Revoke(s, currentDatabase),
            SetPasswordStatement s => SetPassword(s.For?.User ?? user, s.Password),
            _ => null,
        };
    }

    /// <summary>MariaDB creates every account it can and names the ones that already existed.</summary>
    private SqlError? CreateUsers(CreateUserStatement statement)
    {
        List<Account>? failed = null;
        foreach (var (account, password) in statement.Accounts)
        {
            if (_accounts.ContainsKey(account.User))
            {
                if (!statement.IfNotExists)
                    (failed ??= []).Add(account);
                continue;
            }
            _accounts[account.User] = new UserAccount(account.User, account.Host, HashOrNone(password));
            Changed();
        }
        return failed is null ? null : SqlErrors.OperationFailed("CREATE USER", failed);
    }

    /// <summary>
    /// MariaDB drops every account it can and names the ones missing. [FleetSim rule] The administrator
    /// login is set at creation and cannot change, so dropping it fails the same way.
    /// </summary>
    private SqlError? DropUsers(DropUserStatement statement)
    {
        List<Account>? failed = null;
        foreach (var account in statement.Accounts)
        {
            var isAdministrator = account.User == AdministratorLogin;
            if (!isAdministrator && _accounts.Remove(account.User))
            {
                Changed();
                continue;
            }
            if (isAdministrator || !statement.IfExists)
                (failed ??= []).Add(account);
        }
        return failed is null ? null : SqlErrors.OperationFailed("DROP USER", failed);
    }

    private SqlError? AlterUsers(AlterUserStatement statement)
    {
        List<Account>? failed = null;
        foreach (var (account, password) in statement.Accounts)
        {
            if (_accounts.TryGetValue(account.User, out var existing))
            {
                existing.Password = HashOrNone(password);
                Changed();
            }
            else if (!statement.IfExists)
                (failed ??= []).Add(account);
        }
        return failed is null ? null : SqlErrors.OperationFailed("ALTER USER", failed);
    }

    /// <summary>GRANT does not create accounts (NO_AUTO_CREATE_USER), unless it gives a password.</summary>
    private SqlError? Grant(GrantStatement statement, string? currentDatabase)
    {
        if (statement.Level.Resolve(currentDatabase) is not { } level)
            return SqlErrors.NoDatabaseSelected;
        foreach (var (grantee, password) in statement.Grantees)
        {
            if (!_accounts.ContainsKey(grantee.User) && password is null)
                return SqlErrors.NoMatchingUser;
        }
        foreach (var (grantee, password) in statement.Grantees)
        {
            if (!_accounts.TryGetValue(grantee.User, out var account))
                _accounts[grantee.User] = account = new UserAccount(grantee.User, grantee.Host, null);
            if (password is not null)
                account.Password = PasswordHash.Of(password);
            account.Grant(level, statement.Privileges);
        }
        Changed();
        return null;
    }

    private SqlError? Revoke(RevokeStatement statement, string? currentDatabase)
    {
        GrantLevel? level = null;
        if (statement.Level is { } given && (level = given.Resolve(currentDatabase)) is null)
            return SqlErrors.NoDatabaseSelected;
        SqlError? error = null;
        foreach (var grantee in statement.Grantees)
        {
            if (!_accounts.TryGetValue(grantee.User, out var account))
                error ??= SqlErrors.NoSuchGrant(grantee);
            else if (level is null)
                account.RevokeAll();
            else if (!account.Revoke(level.Value, statement.Privileges))
                error ??= SqlErrors.NoSuchGrant(grantee);
        }
        Changed();
        return error;
    }

    private SqlError? SetPassword(string user, string password)
    {
        if (!_accounts.TryGetValue(user, out var account))
            return SqlErrors.NoMatchingUser;
        account.Password = HashOrNone(password);
        Changed();
        return null;
    }

    // An empty password is no password, as MariaDB stores it.
    private PasswordHash? HashOrNone(string? password) =>
        string.IsNullOrEmpty(password) ? null : PasswordHash.Of(password);

    private void Changed() => Version++;
}

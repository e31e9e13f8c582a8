namespace FleetSim.Policy.Sessions;

/// <summary>Export and import of accounts and grants as plain data.</summary>
public sealed partial class AccessControl
{
    /// <summary>The accounts and grants, in a stable order (users, then levels, by name).</summary>
    public AccessControlState Export()
    {
        var accounts = _accounts.Values
            .OrderBy(a => a.User, StringComparer.Ordinal)
            .Select(a => new AccountState(a.User, a.Host, a.Password, Grants(a)))
            .ToList();
        return new AccessControlState(AdministratorLogin, accounts);
    }

    /// <summary>Rebuilds a directory from <see cref="Export"/>; the administrator must be among the accounts.</summary>
    /// <exception cref="FormatException">The state names an unknown privilege or lacks the administrator.</exception>
    public static AccessControl Import(AccessControlState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var admin = state.Accounts.FirstOrDefault(a => a.User == state.AdministratorLogin)
            ?? throw new FormatException($"the accounts do not include the administrator '{state.AdministratorLogin}'");
        var access = new AccessControl(state.AdministratorLogin, admin.Password
            ?? throw new FormatException($"the administrator '{state.AdministratorLogin}' has no password hash"));
        foreach (var saved in state.Accounts)
        {
            var account = new UserAccount(saved.User, saved.Host, saved.Password);
            foreach (var grant in saved.Grants)
            {
                var privileges = grant.Privileges.Aggregate(Privileges.None, (all, name) => all | PrivilegeNames.Parse(name));
                account.Grant(new GrantLevel(grant.Database, grant.Table), privileges);
            }
            access._accounts[account.User] = account;
        }
        return access;
    }

    private static List<GrantState> Grants(UserAccount account)
    {
        var grants = new List<GrantState>();
        if (account.Global != Privileges.None)
            grants.Add(new GrantState(GrantLevel.All, GrantLevel.All, [.. PrivilegeNames.Each(account.Global)]));
        foreach (var (database, privileges) in (account.Databases ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            grants.Add(new GrantState(database, GrantLevel.All, [.. PrivilegeNames.Each(privileges)]));
        foreach (var (key, privileges) in (account.Tables ?? []).OrderBy(t => t.Key.Database, StringComparer.Ordinal).ThenBy(t => t.Key.Table, StringComparer.Ordinal))
            grants.Add(new GrantState(key.Database, key.Table, [.. PrivilegeNames.Each(privileges)]));
        return grants;
    }
}

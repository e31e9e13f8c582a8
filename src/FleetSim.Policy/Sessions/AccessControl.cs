using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// A server's accounts and their grants: it authenticates logins (replacing
/// <see cref="AccountDirectory"/>), authorizes statements and applies DCL, so that a change is seen
/// by the next login and the next statement at once. It belongs to one server grain and, like the
/// grain's state, is not thread-safe.
/// </summary>
public sealed partial class AccessControl : IAccountDirectory
{
    /// <summary>
    /// What the administrator holds on *.*: every ordinary privilege, CREATE USER and GRANT OPTION,
    /// but not SUPER, which the managed service keeps for itself.
    /// </summary>
    public const Privileges AdministratorPrivileges = Privileges.All | Privileges.CreateUser | Privileges.GrantOption;

    private readonly Dictionary<string, UserAccount> _accounts = new(StringComparer.Ordinal);

    /// <param name="administratorLogin">The login set at creation; it cannot be dropped.</param>
    /// <param name="administratorPassword">Its password hash.</param>
    public AccessControl(string administratorLogin, PasswordHash administratorPassword)
    {
        ArgumentException.ThrowIfNullOrEmpty(administratorLogin);
        ArgumentNullException.ThrowIfNull(administratorPassword);
        AdministratorLogin = administratorLogin;
        _accounts[administratorLogin] = new UserAccount(administratorLogin, Account.AnyHost, administratorPassword) { Global = AdministratorPrivileges };
    }

    public string AdministratorLogin { get; }

    /// <summary>Counts the changes made since creation; a grain persists its accounts when this moved.</summary>
    public long Version { get; private set; }

    public IEnumerable<string> Users => _accounts.Keys;

    /// <summary>
    /// The administrator and the users of a validated server spec, with their grants. The spec may
    /// give clear passwords or their hashes (as the fleet directory keeps it); only hashes are kept.
    /// </summary>
    public static AccessControl FromSpec(ServerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var admin = spec.AdministratorLogin ?? throw new ArgumentException("servers.administratorLogin is required", nameof(spec));
        var access = new AccessControl(admin, StoredPasswords.AdministratorHash(spec));
        foreach (var user in spec.Users)
        {
            var account = new UserAccount(user.Name!, Account.AnyHost, StoredPasswords.UserHash(user));
            foreach (var grant in user.Grants)
            {
                var privileges = grant.Privileges.Aggregate(Privileges.None, (all, name) => all | PrivilegeNames.Parse(name));
                account.Grant(grant.Database == GrantLevel.All ? GrantLevel.Global : new GrantLevel(grant.Database!, GrantLevel.All), privileges);
            }
            access._accounts[account.User] = account;
        }
        return access;
    }

    public bool Exists(string user) => _accounts.ContainsKey(user);

    /// <summary>What a user holds on a database (table null) or on a table; None for an unknown user.</summary>
    public Privileges PrivilegesOn(string user, string database, string? table = null) =>
        _accounts.TryGetValue(user, out var account) ? account.On(database, table) : Privileges.None;

    /// <summary>What a user holds on *.*.</summary>
    public Privileges GlobalPrivileges(string user) =>
        _accounts.TryGetValue(user, out var account) ? account.Global : Privileges.None;

    /// <summary>True when the login exists and the password is its password (1045 otherwise, decided by the caller).</summary>
    public bool Authenticate(string login, string? password, ScrambleProof? proof = null)
    {
        if (!_accounts.TryGetValue(login, out var account))
            return false;
        if (account.Password is null)
            return proof?.Empty ?? string.IsNullOrEmpty(password);
        // Two SHA1 digests: cheap enough that no cache of outcomes is needed, as in MariaDB.
        return proof is null ? account.Password.Verify(password) : proof.Verifies(account.Password);
    }

    /// <summary>As <see cref="Authenticate(string, string?, ScrambleProof?)"/> for a password hashed already (null: none given).</summary>
    public bool Authenticate(string login, PasswordHash? offered)
    {
        if (!_accounts.TryGetValue(login, out var account))
            return false;
        return account.Password is null ? offered is null : offered is not null && account.Password.Equals(offered);
    }
}

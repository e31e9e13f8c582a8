namespace FleetSim.Policy.Admission;

/// <summary>A server's logins with their password hashes (mysql_native_password), nothing more.</summary>
public sealed class AccountDirectory : IAccountDirectory
{
    private readonly Dictionary<string, PasswordHash> _accounts = new(StringComparer.Ordinal);

    public IEnumerable<string> Logins => _accounts.Keys;

    public bool Contains(string login) => _accounts.ContainsKey(login);

    public void Set(string login, PasswordHash hash) => _accounts[login] = hash;

    public bool Remove(string login) => _accounts.Remove(login);

    public bool Authenticate(string login, string? password, ScrambleProof? proof = null) =>
        _accounts.TryGetValue(login, out var hash) && (proof is null ? hash.Verify(password) : proof.Verifies(hash));

    /// <summary>Logins only, no grants: a server's AccessControl, which has them, decides databases.</summary>
    public bool MayUseDatabase(string login, string database, out string accountHost)
    {
        accountHost = "%";
        return _accounts.ContainsKey(login);
    }
}

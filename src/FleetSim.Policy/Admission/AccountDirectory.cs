using System.Security.Cryptography;
using System.Text;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A server's logins with their password hashes. Verifying a slow hash on every login would make
/// the hash, not the policy, the bottleneck of a load test, so outcomes are remembered by a fast
/// keyed digest of the password (never the password itself) for the life of this object.
/// </summary>
public sealed class AccountDirectory : IAccountDirectory
{
    private const int MaxRememberedOutcomes = 4096;

    private readonly Dictionary<string, PasswordHash> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Login, string Digest), bool> _outcomes = [];
    private readonly byte[] _digestKey = RandomNumberGenerator.GetBytes(32);

    public IEnumerable<string> Logins => _accounts.Keys;

    public bool Contains(string login) => _accounts.ContainsKey(login);

    public void Set(string login, PasswordHash hash)
    {
        _accounts[login] = hash;
        _outcomes.Clear();
    }

    public bool Remove(string login)
    {
        _outcomes.Clear();
        return _accounts.Remove(login);
    }

    public bool Authenticate(string login, string? password)
    {
        if (!_accounts.TryGetValue(login, out var hash) || string.IsNullOrEmpty(password))
            return false;
        var key = (login, Digest(password));
        if (_outcomes.TryGetValue(key, out var known))
            return known;
        var verified = hash.Verify(password);
        if (_outcomes.Count >= MaxRememberedOutcomes)
            _outcomes.Clear();
        _outcomes[key] = verified;
        return verified;
    }

    /// <summary>Logins only, no grants: a server's AccessControl, which has them, decides databases.</summary>
    public bool MayUseDatabase(string login, string database, out string accountHost)
    {
        accountHost = "%";
        return _accounts.ContainsKey(login);
    }

    private string Digest(string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_digestKey, Encoding.UTF8.GetBytes(password)));
}

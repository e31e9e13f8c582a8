using System.Collections.Concurrent;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.WhatIf;

/// <summary>
/// Passwords hashed once each: traffic replayed by the million shares a handful of passwords, and
/// hashing each attempt's password again (two SHA1 digests) was most of a replay's time (measured
/// with dotnet-trace). Past a bound, further passwords are hashed each time rather than kept.
/// </summary>
internal sealed class PasswordMemo
{
    private const int MaxPasswords = 100_000;
    private readonly ConcurrentDictionary<string, PasswordHash> _hashes = new(StringComparer.Ordinal);

    public PasswordHash? Of(string? password)
    {
        if (string.IsNullOrEmpty(password))
            return null;
        if (_hashes.TryGetValue(password, out var hash))
            return hash;
        hash = PasswordHash.Of(password);
        if (_hashes.Count < MaxPasswords)
            _hashes.TryAdd(password, hash);
        return hash;
    }

    /// <summary>A server's logins, asked with the memo's hash of the password instead of hashing it there.</summary>
    public IAccountDirectory Over(AccessControl accounts) => new Directory(this, accounts);

    private sealed class Directory(PasswordMemo memo, AccessControl accounts) : IAccountDirectory
    {
        public bool Authenticate(string login, string? password, ScrambleProof? proof = null) =>
            proof is null ? accounts.Authenticate(login, memo.Of(password)) : accounts.Authenticate(login, password, proof);

        public bool MayUseDatabase(string login, string database, out string accountHost) => accounts.MayUseDatabase(login, database, out accountHost);
    }
}

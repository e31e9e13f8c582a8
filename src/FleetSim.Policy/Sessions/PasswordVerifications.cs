using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// Remembers password verification outcomes, as <see cref="AccountDirectory"/> does: a slow hash
/// on every login would make the hash, not the policy, the bottleneck of a load test. Outcomes are
/// keyed by a keyed digest of the password (never the password), and forgotten whenever a password
/// changes or an account goes.
/// </summary>
internal sealed class PasswordVerifications
{
    private const int MaxRemembered = 4096;
    private const int StackLimit = 256;

    private readonly Dictionary<(string Login, UInt128 Digest), bool> _outcomes = [];
    private readonly byte[] _digestKey = RandomNumberGenerator.GetBytes(32);

    public bool Verify(string login, string password, PasswordHash hash)
    {
        var key = (login, Digest(password));
        if (_outcomes.TryGetValue(key, out var known))
            return known;
        var verified = hash.Verify(password);
        if (_outcomes.Count >= MaxRemembered)
            _outcomes.Clear();
        _outcomes[key] = verified;
        return verified;
    }

    public void Forget() => _outcomes.Clear();

    // The first 128 bits of HMAC-SHA256: collisions are out of reach, and the key never allocates a string.
    private UInt128 Digest(string password)
    {
        var length = Encoding.UTF8.GetMaxByteCount(password.Length);
        var bytes = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        var written = Encoding.UTF8.GetBytes(password, bytes);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_digestKey, bytes[..written], mac);
        return BinaryPrimitives.ReadUInt128LittleEndian(mac);
    }
}

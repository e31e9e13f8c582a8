using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A mysql_native_password login as a real client sends it: the scramble the server chose and the
/// client's answer, SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). A server that keeps
/// only SHA1(SHA1(password)) checks it without ever seeing the password; an empty answer is a
/// login without a password.
/// </summary>
[SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
    Justification = "mysql_native_password is defined with SHA1: real clients answer exactly this.")]
public sealed record ScrambleProof(byte[] Scramble, byte[] Response)
{
    /// <summary>True when the client sent no password at all ("using password: NO").</summary>
    public bool Empty => Response.Length == 0;

    /// <summary>True when the answer was computed from the password whose stage-2 hash is <paramref name="stored"/>.</summary>
    public bool Verifies(PasswordHash stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Response.Length != PasswordHash.Length)
            return false;
        Span<byte> mask = stackalloc byte[PasswordHash.Length];
        Mask(Scramble, stored.Bytes, mask);
        Span<byte> stage1 = stackalloc byte[PasswordHash.Length];
        for (var i = 0; i < stage1.Length; i++)
            stage1[i] = (byte)(Response[i] ^ mask[i]);
        Span<byte> stage2 = stackalloc byte[PasswordHash.Length];
        SHA1.HashData(stage1, stage2);
        return CryptographicOperations.FixedTimeEquals(stage2, stored.Bytes);
    }

    /// <summary>What a client that knows the password answers to the scramble (an empty password sends nothing).</summary>
    public static ScrambleProof For(string? password, byte[] scramble)
    {
        ArgumentNullException.ThrowIfNull(scramble);
        if (string.IsNullOrEmpty(password))
            return new ScrambleProof(scramble, []);
        var stage1 = SHA1.HashData(Encoding.UTF8.GetBytes(password));
        Span<byte> mask = stackalloc byte[PasswordHash.Length];
        Mask(scramble, SHA1.HashData(stage1), mask);
        for (var i = 0; i < stage1.Length; i++)
            stage1[i] ^= mask[i];
        return new ScrambleProof(scramble, stage1);
    }

    private static void Mask(ReadOnlySpan<byte> scramble, ReadOnlySpan<byte> stage2, Span<byte> mask)
    {
        Span<byte> input = stackalloc byte[scramble.Length + stage2.Length];
        scramble.CopyTo(input);
        stage2.CopyTo(input[scramble.Length..]);
        SHA1.HashData(input, mask);
    }
}

using System.Security.Cryptography;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A password as the server keeps it: PBKDF2-SHA256 with a random salt, never the clear text.
/// The iteration count is stored with the hash so that a fleet may choose its own cost.
/// </summary>
public sealed record PasswordHash(byte[] Salt, byte[] Hash, int Iterations)
{
    /// <summary>
    /// [FleetSim rule] The default cost. Lower than a production login service would pick, because a
    /// simulated fleet hashes every account of thousands of servers when it is provisioned.
    /// </summary>
    public const int DefaultIterations = 2_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Create(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(salt, Derive(password, salt, iterations), iterations);
    }

    public bool Verify(string? password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(Hash, Derive(password, Salt, Iterations));

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}

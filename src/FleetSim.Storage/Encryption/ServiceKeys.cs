using System.Security.Cryptography;

namespace FleetSim.Storage.Encryption;

/// <summary>Making and checking service keys.</summary>
internal static class ServiceKeys
{
    public const int KeySize = 32;

    /// <summary>A fresh key; the id carries the date for people and random hex for uniqueness.</summary>
    public static ServiceKey Create(TimeProvider time) =>
        new($"sk-{time.GetUtcNow():yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>An id for a key given without one: derived from the key, so the same key always gets the same id.</summary>
    public static string DerivedId(byte[] key) => "env-" + Convert.ToHexStringLower(SHA256.HashData(key))[..12];

    public static void Validate(ServiceKey key, string source)
    {
        if (key.Key.Length != KeySize)
            throw new ServiceKeyUnavailableException($"Service key '{key.Id}' in {source} is {key.Key.Length} bytes; AES-256 needs {KeySize}.");
        if (key.Id.Length is 0 or > 255 || key.Id.Any(c => c is < '!' or > '~'))
            throw new ServiceKeyUnavailableException($"Service key id '{key.Id}' in {source} must be 1-255 printable ASCII characters without spaces.");
    }
}

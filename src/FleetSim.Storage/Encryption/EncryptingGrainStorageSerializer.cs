using Orleans.Storage;

namespace FleetSim.Storage.Encryption;

/// <summary>
/// Encryption at rest for any grain storage provider: serializes with the inner serializer, then
/// seals the bytes with AES-256-GCM under a fresh data key wrapped by the current service key (see
/// <see cref="ServiceKeyStore"/>). Reading fails with <see cref="StateDecryptionException"/> when the
/// key is missing or wrong or the bytes were altered; it never writes.
/// </summary>
public sealed class EncryptingGrainStorageSerializer(IGrainStorageSerializer inner, ServiceKeyStore keys) : IGrainStorageSerializer
{
    /// <summary>The keys this serializer encrypts and decrypts with.</summary>
    public ServiceKeyStore Keys => keys;

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(EncryptedRecord.Seal(inner.Serialize(input).ToMemory().Span, keys.Current));

    /// <inheritdoc />
    /// <exception cref="StateDecryptionException">The record cannot be decrypted with the keys available.</exception>
    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(new BinaryData(EncryptedRecord.Open(input.ToMemory().Span, keys)));

    /// <summary>
    /// The stored bytes with the data key re-wrapped by the current service key, or null when they
    /// already are. The ciphertext is kept as it is: rotation does not decrypt the state.
    /// </summary>
    public byte[]? Rewrap(ReadOnlySpan<byte> stored) => EncryptedRecord.Rewrap(stored, keys);

    /// <summary>The service key id stored bytes name, or null when they are not an encrypted record.</summary>
    public static string? ServiceKeyIdOf(ReadOnlySpan<byte> stored) => EncryptedRecord.KeyIdOf(stored);
}

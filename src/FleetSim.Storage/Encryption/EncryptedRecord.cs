using System.Security.Cryptography;
using System.Text;

namespace FleetSim.Storage.Encryption;

/// <summary>
/// The stored form of one encrypted state (envelope encryption, AES-256-GCM throughout):
/// <code>
/// "FSE1" | version (1) | service key id length (1) | service key id (ASCII)
///        | data key id (16) | wrap nonce (12) | wrapped data key (32) | wrap tag (16)
///        | data nonce (12) | data tag (16) | ciphertext
/// </code>
/// Each record has its own random data key, wrapped by the service key named in the header. The
/// wrap authenticates the header up to the data key id; the data authenticates magic, version and
/// data key id but not the service key fields, so rotation re-wraps the header and leaves the
/// ciphertext as it is.
/// </summary>
/// <remarks>
/// <see cref="Orleans.Storage.IGrainStorageSerializer"/> does not see the grain id, so the data key is
/// per record (one per server for a per-server state) rather than looked up by owner.
/// </remarks>
internal static class EncryptedRecord
{
    public const byte Version = 1;
    private const int MagicSize = 4, DataKeyIdSize = 16, NonceSize = 12, TagSize = 16, DataKeySize = 32;
    private const int WrapSize = NonceSize + DataKeySize + TagSize;
    private static ReadOnlySpan<byte> Magic => "FSE1"u8;

    public static byte[] Seal(ReadOnlySpan<byte> plaintext, ServiceKey serviceKey)
    {
        Span<byte> dataKey = stackalloc byte[DataKeySize];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            Span<byte> dataKeyId = stackalloc byte[DataKeyIdSize];
            RandomNumberGenerator.Fill(dataKeyId);
            var header = WriteHeader(serviceKey, dataKeyId, dataKey);
            var output = new byte[header.Length + NonceSize + TagSize + plaintext.Length];
            header.CopyTo(output, 0);
            var nonce = output.AsSpan(header.Length, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            var tag = output.AsSpan(header.Length + NonceSize, TagSize);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(header.Length + NonceSize + TagSize), tag, DataAssociatedData(dataKeyId));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public static byte[] Open(ReadOnlySpan<byte> stored, ServiceKeyStore keys)
    {
        var layout = Layout.Parse(stored);
        Span<byte> dataKey = stackalloc byte[DataKeySize];
        try
        {
            Unwrap(stored, layout, keys, dataKey);
            var body = stored[layout.BodyStart..];
            var plaintext = new byte[body.Length - NonceSize - TagSize];
            using var aes = new AesGcm(dataKey, TagSize);
            try
            {
                aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plaintext,
                    DataAssociatedData(stored.Slice(layout.DataKeyIdStart, DataKeyIdSize)));
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new StateDecryptionException(
                    $"The stored state failed authentication although its data key unwrapped with service key '{layout.KeyId}': the stored bytes were altered. " +
                    "Restore the record from a backup. The stored state was left unchanged.", layout.KeyId, e);
            }
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The service key id a record names, or null when the bytes are not an encrypted record.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> stored)
    {
        try
        {
            return Layout.Parse(stored).KeyId;
        }
        catch (StateDecryptionException)
        {
            return null;
        }
    }

    /// <summary>The record with its data key wrapped by the current service key, or null when it already is.</summary>
    public static byte[]? Rewrap(ReadOnlySpan<byte> stored, ServiceKeyStore keys)
    {
        var layout = Layout.Parse(stored);
        var current = keys.Current;
        if (layout.KeyId == current.Id)
            return null;
        Span<byte> dataKey = stackalloc byte[DataKeySize];
        try
        {
            Unwrap(stored, layout, keys, dataKey);
            var header = WriteHeader(current, stored.Slice(layout.DataKeyIdStart, DataKeyIdSize), dataKey);
            var body = stored[layout.BodyStart..];
            var output = new byte[header.Length + body.Length];
            header.CopyTo(output, 0);
            body.CopyTo(output.AsSpan(header.Length));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private static byte[] WriteHeader(ServiceKey serviceKey, ReadOnlySpan<byte> dataKeyId, ReadOnlySpan<byte> dataKey)
    {
        var id = Encoding.ASCII.GetBytes(serviceKey.Id);
        var header = new byte[MagicSize + 2 + id.Length + DataKeyIdSize + WrapSize];
        Magic.CopyTo(header);
        header[MagicSize] = Version;
        header[MagicSize + 1] = (byte)id.Length;
        id.CopyTo(header, MagicSize + 2);
        var wrapStart = MagicSize + 2 + id.Length + DataKeyIdSize;
        dataKeyId.CopyTo(header.AsSpan(wrapStart - DataKeyIdSize));
        var wrap = header.AsSpan(wrapStart, WrapSize);
        RandomNumberGenerator.Fill(wrap[..NonceSize]);
        using var aes = new AesGcm(serviceKey.Key, TagSize);
        aes.Encrypt(wrap[..NonceSize], dataKey, wrap.Slice(NonceSize, DataKeySize), wrap[(NonceSize + DataKeySize)..], header.AsSpan(0, wrapStart));
        return header;
    }

    private static void Unwrap(ReadOnlySpan<byte> stored, Layout layout, ServiceKeyStore keys, Span<byte> dataKey)
    {
        if (!keys.TryGet(layout.KeyId, out var serviceKey))
            throw new StateDecryptionException(
                $"The stored state is encrypted under service key '{layout.KeyId}', which is not among the keys from {keys.Source} " +
                $"({string.Join(", ", keys.KeyIds)}). Restore the key file that holds '{layout.KeyId}' or set {StateEncryptionOptions.DefaultEnvironmentVariable} to it. " +
                "The stored state was left unchanged.", layout.KeyId);
        var wrap = stored.Slice(layout.WrapStart, WrapSize);
        try
        {
            using var aes = new AesGcm(serviceKey.Key, TagSize);
            aes.Decrypt(wrap[..NonceSize], wrap.Slice(NonceSize, DataKeySize), wrap[(NonceSize + DataKeySize)..], dataKey, stored[..layout.WrapStart]);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new StateDecryptionException(
                $"The stored state's data key does not unwrap with service key '{layout.KeyId}' from {keys.Source}: that key is not the one the state was " +
                $"written with, or the stored bytes were altered. Restore the original key '{layout.KeyId}'. The stored state was left unchanged.", layout.KeyId, e);
        }
    }

    /// <summary>Magic, version and data key id: what the ciphertext is bound to.</summary>
    private static byte[] DataAssociatedData(ReadOnlySpan<byte> dataKeyId)
    {
        var data = new byte[MagicSize + 1 + DataKeyIdSize];
        Magic.CopyTo(data);
        data[MagicSize] = Version;
        dataKeyId.CopyTo(data.AsSpan(MagicSize + 1));
        return data;
    }

    private readonly record struct Layout(string KeyId, int DataKeyIdStart, int WrapStart, int BodyStart)
    {
        public static Layout Parse(ReadOnlySpan<byte> stored)
        {
            if (stored.Length < MagicSize + 2 || !stored[..MagicSize].SequenceEqual(Magic))
                throw new StateDecryptionException(
                    "The stored state is not a FleetSim encrypted record (no FSE1 header): it was written without encryption or is damaged. The stored state was left unchanged.");
            if (stored[MagicSize] != Version)
                throw new StateDecryptionException(
                    $"The stored state has encryption format version {stored[MagicSize]}; this FleetSim reads version {Version}. The stored state was left unchanged.");
            var idLength = stored[MagicSize + 1];
            var dataKeyIdStart = MagicSize + 2 + idLength;
            var wrapStart = dataKeyIdStart + DataKeyIdSize;
            var bodyStart = wrapStart + WrapSize;
            if (idLength == 0 || stored.Length < bodyStart + NonceSize + TagSize)
                throw new StateDecryptionException("The stored state's encryption header is truncated or damaged. The stored state was left unchanged.");
            var keyId = Encoding.ASCII.GetString(stored.Slice(MagicSize + 2, idLength));
            return new Layout(keyId, dataKeyIdStart, wrapStart, bodyStart);
        }
    }
}

using System.Security.Cryptography;
using CsCheck;
using FleetSim.Storage.Encryption;
using Orleans.Storage;

namespace FleetSim.Storage.Tests;

/// <summary>AES-GCM envelope properties over arbitrary payloads.</summary>
public sealed class EncryptionProperties
{
    private static readonly EncryptingGrainStorageSerializer Serializer =
        new(new RawBytes(), ServiceKeyStore.InMemory(new ServiceKey("sk-property", RandomNumberGenerator.GetBytes(32))));

    [Fact]
    public void Any_payload_round_trips() =>
        Gen.Byte.Array[0, 4096].Sample(payload =>
            Assert.Equal(payload, Serializer.Deserialize<byte[]>(Serializer.Serialize(payload))));

    [Fact]
    public void Any_single_flipped_byte_in_the_stored_blob_fails_authentication() =>
        Gen.Select(Gen.Byte.Array[0, 512], Gen.Int.NonNegative, Gen.Byte[1, 255]).Sample((payload, position, flip) =>
        {
            var stored = Serializer.Serialize(payload).ToArray();
            stored[position % stored.Length] ^= flip;
            Assert.Throws<StateDecryptionException>(() => Serializer.Deserialize<byte[]>(new BinaryData(stored)));
        });

    [Fact]
    public void The_same_payload_never_encrypts_to_the_same_bytes()
    {
        var payload = "office-firewall-rule"u8.ToArray();

        Assert.NotEqual(Serializer.Serialize(payload).ToArray(), Serializer.Serialize(payload).ToArray());
    }

    /// <summary>An inner serializer that passes byte arrays through, so the properties see only the encryption.</summary>
    private sealed class RawBytes : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => new((byte[])(object)input!);

        public T? Deserialize<T>(BinaryData input) => (T)(object)input.ToArray();
    }
}

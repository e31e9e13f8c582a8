using FleetSim.Storage.Encryption;

namespace FleetSim.Storage;

/// <summary>What <c>fleetsim keys rotate</c> does: a new service key, then every stored data key re-wrapped with it.</summary>
public static class StateKeyRotation
{
    /// <summary>
    /// Makes a new current service key (saved to the key file first) and re-wraps every record of the
    /// state store with it while silos keep running: the ciphertext is untouched and ETags stay, and
    /// silos load the new key from the file when they meet it.
    /// </summary>
    /// <returns>The new key id, and how many records were re-wrapped.</returns>
    public static (string KeyId, int Rewrapped) Rotate(IStateStore store, ServiceKeyStore keys)
    {
        var keyId = keys.Rotate();
        return (keyId, Rewrap(store, keys));
    }

    /// <summary>
    /// Re-wraps every record not yet under the current key (also finishes an interrupted rotation, and
    /// catches records a silo wrote with the previous key before it noticed the new one).
    /// </summary>
    public static int Rewrap(IStateStore store, ServiceKeyStore keys) =>
        store.Rewrap(payload => EncryptedRecord.Rewrap(payload, keys));
}

namespace FleetSim.Storage.Encryption;

/// <summary>A service key: the key-encryption key that wraps data keys, and the id stored with every record.</summary>
/// <param name="Id">Printable ASCII, at most 255 bytes; written into every record header it wraps.</param>
/// <param name="Key">32 bytes (AES-256).</param>
public sealed record ServiceKey(string Id, byte[] Key);

namespace FleetSim.Storage.Encryption;

/// <summary>
/// Stored state could not be decrypted: its service key is unknown, the key is wrong, or the bytes
/// were altered. Thrown on read; the stored record is never touched. Serializable so that the reason
/// reaches the caller whose grain could not activate.
/// </summary>
[GenerateSerializer]
public sealed class StateDecryptionException : Exception
{
    public StateDecryptionException() { }

    public StateDecryptionException(string message) : base(message) { }

    public StateDecryptionException(string message, Exception inner) : base(message, inner) { }

    public StateDecryptionException(string message, string? serviceKeyId, Exception? inner = null) : base(message, inner) =>
        ServiceKeyId = serviceKeyId;

    /// <summary>The service key the record names in its header, when the header could be read.</summary>
    [Id(0)]
    public string? ServiceKeyId { get; private set; }
}

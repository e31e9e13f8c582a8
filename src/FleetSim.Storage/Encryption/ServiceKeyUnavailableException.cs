namespace FleetSim.Storage.Encryption;

/// <summary>
/// No service key could be loaded (missing or unreadable key file, malformed environment variable),
/// or a new key must not be created because encrypted state already exists.
/// </summary>
[GenerateSerializer]
public sealed class ServiceKeyUnavailableException : Exception
{
    public ServiceKeyUnavailableException() { }

    public ServiceKeyUnavailableException(string message) : base(message) { }

    public ServiceKeyUnavailableException(string message, Exception inner) : base(message, inner) { }
}

namespace FleetSim.Storage.Encryption;

/// <summary>Where the service key comes from.</summary>
public sealed class StateEncryptionOptions
{
    /// <summary>The default environment variable: base64 of 32 bytes, or <c>id:base64</c>, several separated by commas (the first is current).</summary>
    public const string DefaultEnvironmentVariable = "FLEETSIM_SERVICE_KEY";

    /// <summary>When this variable is set it wins over the key file, which is then neither read nor created.</summary>
    public string EnvironmentVariable { get; set; } = DefaultEnvironmentVariable;

    /// <summary>The key file (JSON, owner-only permissions), created on first start when <see cref="CreateKeyFile"/> allows.</summary>
    public string KeyFilePath { get; set; } = Path.Combine(Path.GetTempPath(), "fleetsim", "service-keys.json");

    /// <summary>
    /// Whether a missing key file may be created with a new key. Turned off when the state file already
    /// holds records: a new key could never read them, so starting would only hide the loss.
    /// </summary>
    public bool CreateKeyFile { get; set; } = true;
}

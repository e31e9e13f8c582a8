namespace FleetSim.Storage.Encryption;

/// <summary>
/// The service keys of one deployment: the current one wraps new data keys, older ones stay for
/// reading until every record has been re-wrapped. Keys come from an environment variable (read only)
/// or a key file that is created on first start with owner-only permissions.
/// </summary>
/// <remarks>
/// A file-backed store notices when another process (<c>fleetsim keys rotate</c>) changes the file:
/// it reloads when a record names a key it does not have, and checks the file's time before choosing
/// the key for a write, so running silos follow a rotation without a restart.
/// </remarks>
public sealed class ServiceKeyStore
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private Dictionary<string, ServiceKey> _keys;
    private ServiceKey _current;
    private DateTime _fileWrittenAt;

    private ServiceKeyStore(string source, string? filePath, string current, IEnumerable<ServiceKey> keys, TimeProvider time)
    {
        Source = source;
        FilePath = filePath;
        _time = time;
        _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _current = _keys[current];
        if (filePath is not null)
            _fileWrittenAt = File.GetLastWriteTimeUtc(filePath);
    }

    /// <summary>Where the keys come from, for error messages: the key file's path or the environment variable's name.</summary>
    public string Source { get; }

    /// <summary>The key file, or null when the keys come from the environment or memory (and cannot be rotated here).</summary>
    public string? FilePath { get; }

    /// <summary>Whether this store created its key file (first start).</summary>
    public bool CreatedKeyFile { get; private init; }

    /// <summary>The id of the key that wraps new data keys.</summary>
    public string CurrentKeyId => Current.Id;

    /// <summary>Every key id this store can read.</summary>
    public IReadOnlyList<string> KeyIds
    {
        get
        {
            lock (_lock)
                return [.. _keys.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Opens the keys the options describe: the environment variable when set, else the key file,
    /// created with a new key only when <see cref="StateEncryptionOptions.CreateKeyFile"/> allows.
    /// </summary>
    /// <exception cref="ServiceKeyUnavailableException">No usable key, or the file is missing and may not be created.</exception>
    public static ServiceKeyStore Open(StateEncryptionOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var fromEnvironment = Environment.GetEnvironmentVariable(options.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return FromEnvironmentValue(options.EnvironmentVariable, fromEnvironment, time);

        var path = Path.GetFullPath(options.KeyFilePath);
        var created = false;
        if (!File.Exists(path))
        {
            if (!options.CreateKeyFile)
                throw new ServiceKeyUnavailableException(
                    $"The service key file '{path}' is missing, but encrypted state already exists, so a new key would never read it. " +
                    $"Restore the key file from a backup, or set {options.EnvironmentVariable} to the service key. Nothing was created or changed.");
            var key = ServiceKeys.Create(time);
            // Another silo of this machine may create the file at the same moment: the first wins and both use its key.
            created = ServiceKeyFile.Save(path, key.Id, [key], replace: false);
        }
        var (current, keys) = ServiceKeyFile.Load(path);
        return new ServiceKeyStore(path, path, current, keys, time) { CreatedKeyFile = created };
    }

    /// <summary>A store over keys held in memory (tests, or keys fetched from elsewhere); the first is current.</summary>
    public static ServiceKeyStore InMemory(params ServiceKey[] keys)
    {
        if (keys.Length == 0)
            throw new ArgumentException("At least one service key is needed.", nameof(keys));
        foreach (var key in keys)
            ServiceKeys.Validate(key, "memory");
        return new ServiceKeyStore("memory", null, keys[0].Id, keys, TimeProvider.System);
    }

    /// <summary>Parses <c>base64</c> or <c>id:base64</c>, several separated by commas; the first is current.</summary>
    private static ServiceKeyStore FromEnvironmentValue(string variable, string value, TimeProvider time)
    {
        var keys = new List<ServiceKey>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(colon < 0 ? part : part[(colon + 1)..]);
            }
            catch (FormatException e)
            {
                throw new ServiceKeyUnavailableException($"{variable} must hold base64 of {ServiceKeys.KeySize} bytes (optionally 'id:' before it): {e.Message}", e);
            }
            var key = new ServiceKey(colon < 0 ? ServiceKeys.DerivedId(bytes) : part[..colon], bytes);
            ServiceKeys.Validate(key, variable);
            keys.Add(key);
        }
        return new ServiceKeyStore(variable, null, keys[0].Id, keys, time);
    }

    /// <summary>The key that wraps new data keys.</summary>
    internal ServiceKey Current
    {
        get
        {
            // One stat per write (microseconds, against a SQLite write): a silo never wraps with a key
            // that a rotation elsewhere has already replaced, and so possibly removed.
            if (FilePath is not null && File.GetLastWriteTimeUtc(FilePath) != _fileWrittenAt)
                Reload();
            lock (_lock)
                return _current;
        }
    }

    /// <summary>The key with this id; reloads the key file once when it is not known (it may have been rotated by another process).</summary>
    internal bool TryGet(string id, out ServiceKey key)
    {
        lock (_lock)
        {
            if (_keys.TryGetValue(id, out key!))
                return true;
        }
        if (FilePath is null || !File.Exists(FilePath))
            return false;
        Reload();
        lock (_lock)
            return _keys.TryGetValue(id, out key!);
    }

    /// <summary>Reads the key file again.</summary>
    public void Reload()
    {
        if (FilePath is null)
            return;
        var writtenAt = File.GetLastWriteTimeUtc(FilePath);
        var (current, keys) = ServiceKeyFile.Load(FilePath);
        lock (_lock)
        {
            _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
            _current = _keys[current];
            _fileWrittenAt = writtenAt;
        }
    }

    /// <summary>
    /// Adds a new key and makes it current; older keys stay for reading. Saved to the key file before
    /// it is used, so no record is ever wrapped by a key that is not on disk. Re-wrap the stored data
    /// keys afterwards (<see cref="Storage.SqliteStateStore.Rewrap"/>), then old keys may be removed.
    /// </summary>
    /// <returns>The new key's id.</returns>
    public string Rotate()
    {
        var path = RequireFile("rotate");
        lock (_lock)
        {
            var key = ServiceKeys.Create(_time);
            var keys = _keys.Values.Append(key).ToList();
            ServiceKeyFile.Save(path, key.Id, keys, replace: true);
            _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
            _current = key;
            _fileWrittenAt = File.GetLastWriteTimeUtc(path);
            return key.Id;
        }
    }

    /// <summary>
    /// Removes an old key from the key file. Only safe once no record names it (after a complete
    /// re-wrap), since records under a removed key can never be read again.
    /// </summary>
    public void Remove(string id)
    {
        var path = RequireFile("remove keys");
        lock (_lock)
        {
            if (id == _current.Id)
                throw new InvalidOperationException($"Service key '{id}' is current and cannot be removed; rotate first.");
            if (!_keys.ContainsKey(id))
                throw new InvalidOperationException($"Service key '{id}' is not in '{path}' (it holds: {string.Join(", ", _keys.Keys)}).");
            var keys = _keys.Values.Where(k => k.Id != id).ToList();
            ServiceKeyFile.Save(path, _current.Id, keys, replace: true);
            _keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
            _fileWrittenAt = File.GetLastWriteTimeUtc(path);
        }
    }

    private string RequireFile(string action) => FilePath ?? throw new InvalidOperationException(
        $"The service keys come from {Source}, so FleetSim cannot {action} them: change {Source} itself (new key first, old keys after it, comma separated).");
}

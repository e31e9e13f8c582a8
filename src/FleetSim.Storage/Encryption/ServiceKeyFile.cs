using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetSim.Storage.Encryption;

/// <summary>
/// The key file: JSON with the current key id and every key still needed for reading. Written to a
/// temporary file with owner-only permissions and moved into place, so a reader never sees half a
/// file and two silos starting together cannot both create one.
/// </summary>
internal static class ServiceKeyFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static (string Current, List<ServiceKey> Keys) Load(string path)
    {
        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ServiceKeyUnavailableException($"The service key file '{path}' could not be read: {e.Message}", e);
        }
        if (contents is null || contents.Keys.Count == 0 || contents.Keys.All(k => k.Id != contents.Current))
            throw new ServiceKeyUnavailableException($"The service key file '{path}' holds no current key; restore it from a backup.");
        var keys = contents.Keys.Select(k => new ServiceKey(k.Id, Convert.FromBase64String(k.Key))).ToList();
        foreach (var key in keys)
            ServiceKeys.Validate(key, $"key file '{path}'");
        return (contents.Current, keys);
    }

    /// <summary>Writes the file; with <paramref name="replace"/> false, returns false when another process created it first.</summary>
    public static bool Save(string path, string current, IEnumerable<ServiceKey> keys, bool replace)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var contents = new Contents(current, [.. keys.Select(k => new Entry(k.Id, Convert.ToBase64String(k.Key)))]);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, contents, Json);
            stream.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: replace);
            return true;
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private sealed record Contents(string Current, List<Entry> Keys);

    private sealed record Entry(string Id, string Key)
    {
        [JsonPropertyName("created")]
        public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;
    }
}

using System.Text.Json;

namespace FleetSim.Wire.Listening;

/// <summary>
/// The listeners actually opened, as JSON for scripts and tests (--endpoints-file): written once,
/// atomically, after the fleet is provisioned and every listener accepts.
/// </summary>
public static class EndpointsFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="path">The file.</param>
    /// <param name="listeners">Every planned listener, with what it opened (null: not opened).</param>
    /// <param name="web">The address of the web page served beside them, on every entry; null when there is none.</param>
    public static void Write(string path, IEnumerable<(ListenerPlan Plan, WireEndpoint? Opened)> listeners, string? web = null)
    {
        var entries = listeners.Where(l => l.Opened is not null).Select(l => new
        {
            Endpoint = l.Opened!.Endpoint.ToString(),
            l.Plan.Endpoint.Gateway,
            l.Plan.Region,
            l.Plan.State,
            Source = Source(l.Plan.Endpoint.Source),
            l.Plan.Endpoint.Host,
            Direct = l.Opened!.Direct?.ToString(),
            Web = web,
        });
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entries, Options));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>A source in the form an attempt's source takes: only the fields it has.</summary>
    public static Dictionary<string, object> Source(Contracts.Connections.SourceAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        if (source.PrivateEndpoint is not null)
            fields["privateEndpoint"] = source.PrivateEndpoint;
        if (source.Subnet is not null)
            fields["subnet"] = source.Subnet;
        if (source.Ip is not null)
            fields["ip"] = source.Ip;
        if (source.Azure)
            fields["azure"] = true;
        return fields;
    }
}

using System.Net;
using System.Text.Json;
using FleetSim.Contracts.Connections;

namespace FleetSim.Wire.Listening;

/// <summary>
/// Reads a listeners file (--listeners): a JSON list of {"endpoint", "gateway", "source", "host"}.
/// Every problem is listed with the file, the entry and the field; nothing is opened unless all are right.
/// </summary>
public static class ListenerFile
{
    public static IReadOnlyList<WireEndpoint> Read(string path, bool allowRemote)
    {
        using var document = Parse(path);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new WireEndpointListException([$"{path}: expected a list of listeners, [{{\"endpoint\": ..., \"gateway\": ..., \"source\": ...}}]"]);
        var errors = new List<string>();
        var endpoints = new List<WireEndpoint>();
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var where = $"{path}: listeners[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{where}: expected a listener object");
                continue;
            }
            var endpoint = Endpoint(entry, where, allowRemote, errors);
            var gateway = Text(entry, "gateway", where, errors, required: true);
            if (gateway is not null && !IPAddress.TryParse(gateway, out _))
                errors.Add($"{where}.gateway: '{gateway}' is not an IPv4 address");
            var source = Source(entry, where, errors);
            var host = Text(entry, "host", where, errors, required: false);
            if (endpoint is not null && gateway is not null && source is not null)
                endpoints.Add(new WireEndpoint(endpoint, gateway, source, host));
        }
        foreach (var duplicate in endpoints.GroupBy(e => e.Endpoint).Where(g => g.Count() > 1 && g.Key.Port != 0))
            errors.Add($"{path}: endpoint {duplicate.Key} is listed {duplicate.Count()} times");
        return errors.Count > 0 ? throw new WireEndpointListException(errors) : endpoints;
    }

    /// <summary>A listener's endpoint: loopback only, unless the user allowed remote clients.</summary>
    public static IPEndPoint? Endpoint(string text, string where, bool allowRemote, List<string> errors)
    {
        if (!IPEndPoint.TryParse(text, out var endpoint) || !text.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"{where}: '{text}' is not an address:port endpoint");
            return null;
        }
        if (!IPAddress.IsLoopback(endpoint.Address) && !allowRemote)
        {
            errors.Add($"{where}: {text} is not a loopback address; listeners bind loopback only unless --allow-remote is given");
            return null;
        }
        return endpoint;
    }

    private static IPEndPoint? Endpoint(JsonElement entry, string where, bool allowRemote, List<string> errors) =>
        Text(entry, "endpoint", where, errors, required: true) is { } text ? Endpoint(text, $"{where}.endpoint", allowRemote, errors) : null;

    private static SourceAddress? Source(JsonElement entry, string where, List<string> errors)
    {
        if (!entry.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}.source: required, one of {SourceForms}");
            return null;
        }
        var at = $"{where}.source";
        var azure = source.TryGetProperty("azure", out var flag) && flag.ValueKind == JsonValueKind.True;
        return Source(Text(source, "ip", at, errors, required: false), azure, Text(source, "subnet", at, errors, required: false),
            Text(source, "privateEndpoint", at, errors, required: false), at, errors);
    }

    /// <summary>The forms a listener's source takes, as an attempt's source does.</summary>
    public const string SourceForms = """{"ip"}, {"ip", "azure": true}, {"subnet", "ip"}, {"privateEndpoint"}""";

    /// <summary>A source from its fields: exactly one form, with an IPv4 address where one is needed.</summary>
    public static SourceAddress? Source(string? ip, bool azure, string? subnet, string? privateEndpoint, string at, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (ip is not null && !(IPAddress.TryParse(ip, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
            errors.Add($"{at}.ip: '{ip}' is not an IPv4 address");
        else if (privateEndpoint is not null && (subnet is not null || azure))
            errors.Add($"{at}: a private endpoint source takes no subnet or azure flag");
        else if (privateEndpoint is null && ip is null)
            errors.Add($"{at}: ip is required unless the source is a private endpoint");
        else if (subnet is not null && azure)
            errors.Add($"{at}: a source is a subnet or an Azure address, not both");
        else
            return new SourceAddress(ip, azure, subnet, privateEndpoint);
        return null;
    }

    private static string? Text(JsonElement entry, string field, string where, List<string> errors, bool required)
    {
        if (!entry.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add($"{where}.{field}: required");
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            return text;
        errors.Add($"{where}.{field}: expected a non-empty string");
        return null;
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new WireEndpointListException([$"{path}: not JSON (line {e.LineNumber + 1}): {e.Message}"]);
        }
    }
}

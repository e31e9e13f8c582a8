using System.Text.Json;

namespace FleetSim.Cli.Attempts;

internal static class JsonErrors
{
    /// <summary>A JSON error in FleetSim's path style: "source.ip: ..." rather than "$.source.ip".</summary>
    public static string Describe(JsonException e)
    {
        var path = e.Path is null or "$" ? null : e.Path.TrimStart('$').TrimStart('.');
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut];
        return path is null ? message : $"{path}: {message}";
    }
}

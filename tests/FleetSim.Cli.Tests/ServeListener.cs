using System.Net;
using System.Text.Json;

namespace FleetSim.Cli.Tests;

/// <summary>One listener serve opened, as its endpoints file lists it.</summary>
public sealed record ServeListener(int Port, string Gateway, string State, IReadOnlyDictionary<string, string> Source, string? Host)
{
    public static IReadOnlyList<ServeListener> ReadAll(string endpointsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(endpointsFile));
        return [.. document.RootElement.EnumerateArray().Select(e => new ServeListener(
            IPEndPoint.Parse(e.GetProperty("endpoint").GetString()!).Port,
            e.GetProperty("gateway").GetString()!,
            e.GetProperty("state").GetString()!,
            e.GetProperty("source").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()),
            e.GetProperty("host").GetString()))];
    }
}

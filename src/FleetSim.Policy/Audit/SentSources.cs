using System.Text.Json;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Policy.Audit;

/// <summary>
/// The source of an attempt as the client sent it, in the form an attempts file gives it
/// (<c>{"ip": A}</c>, <c>{"ip": A, "azure": true}</c>, <c>{"subnet": ID, "ip": A}</c> or
/// <c>{"privateEndpoint": NAME}</c>). The gateway log keeps it so that a replay presents the
/// client to another fleet the way that fleet would, not the way the recording fleet did.
/// </summary>
public static class SentSources
{
    public static string Format(ClientSource source) => source switch
    {
        ClientSource.Internet s => $"{{\"ip\":\"{s.Ip}\"}}",
        ClientSource.Azure s => $"{{\"ip\":\"{s.Ip}\",\"azure\":true}}",
        ClientSource.Subnet s => $"{{\"subnet\":{Quote(s.SubnetId)},\"ip\":\"{s.Ip}\"}}",
        ClientSource.PrivateEndpoint { Ip: { } ip } s => $"{{\"privateEndpoint\":{Quote(s.Name)},\"ip\":\"{ip}\"}}",
        ClientSource.PrivateEndpoint s => $"{{\"privateEndpoint\":{Quote(s.Name)}}}",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "not a client source"),
    };

    /// <exception cref="FormatException">The text is not one of the four forms.</exception>
    public static ClientSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? ip = null, subnet = null, privateEndpoint = null;
        var azure = false;
        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var field in document.RootElement.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "ip": ip = field.Value.GetString(); break;
                    case "azure": azure = field.Value.GetBoolean(); break;
                    case "subnet": subnet = field.Value.GetString(); break;
                    case "privateEndpoint": privateEndpoint = field.Value.GetString(); break;
                    default: throw new FormatException($"source '{text}': unknown field '{field.Name}'");
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"source '{text}' is not a source object: {e.Message}", e);
        }
        Ipv4? address = ip is null ? null : Ipv4.TryParse(ip, out var parsed) ? parsed : throw new FormatException($"source '{text}': '{ip}' is not an IPv4 address");
        if (privateEndpoint is not null)
            return new ClientSource.PrivateEndpoint(privateEndpoint, address);
        if (address is not { } at)
            throw new FormatException($"source '{text}': an ip is required unless the source is a privateEndpoint");
        if (subnet is not null)
            return new ClientSource.Subnet(subnet, at);
        return azure ? new ClientSource.Azure(at) : new ClientSource.Internet(at);
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}

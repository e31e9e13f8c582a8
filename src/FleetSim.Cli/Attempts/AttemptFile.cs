using System.Text.Json;
using System.Text.Json.Serialization;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Attempts;

/// <summary>An attempts file read and checked against its fleet: JSON Lines, one attempt a line.</summary>
public sealed record AttemptFile(IReadOnlyList<Attempt> Attempts)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads every line and reports every bad one, naming the file, line and field.</summary>
    public static AttemptFile Read(string path, FleetSpec fleet)
    {
        var name = Path.GetFileName(path);
        var lines = File.ReadAllLines(path);
        var directory = FleetDirectory.FromSpec(fleet);
        var attempts = new List<Attempt>(lines.Length);
        var errors = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var lineNumber = i + 1;
            Attempt? attempt;
            try
            {
                attempt = JsonSerializer.Deserialize<Attempt>(lines[i], Options);
            }
            catch (JsonException e)
            {
                errors.Add($"{name}: line {lineNumber}: {JsonErrors.Describe(e)}");
                continue;
            }
            if (attempt is null)
            {
                errors.Add($"{name}: line {lineNumber}: expected an object, found null");
                continue;
            }
            foreach (var problem in Check(attempt, directory))
                errors.Add($"{name}: line {lineNumber}: {problem}");
            attempts.Add(attempt with { Id = attempt.Id ?? lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        if (errors.Count > 0)
            throw new InputException(errors);
        return new AttemptFile(attempts);
    }

    public static (ConnectRequest Request, string? PinnedGateway) ToRequest(Attempt attempt, bool explain = false)
    {
        var source = attempt.Source!;
        return (new ConnectRequest(attempt.Host, attempt.User!, attempt.Password, TlsVersions.ParseOffered(attempt.Tls),
            new SourceAddress(source.Ip, source.Azure, source.Subnet, source.PrivateEndpoint),
            attempt.App, attempt.Database, attempt.Hold, explain, At: attempt.At, Statements: attempt.Statements), attempt.GatewayIp);
    }

    /// <summary>The checks an attempt needs to mean something; what the fleet then decides is not checked here.</summary>
    public static IEnumerable<string> Check(Attempt attempt, FleetDirectory directory)
    {
        if (string.IsNullOrEmpty(attempt.User))
            yield return "user: required, as user@server";
        if (attempt.Host is null && attempt.GatewayIp is null)
            yield return "host: required unless gatewayIp is given";
        if (attempt.GatewayIp is not null && !Ipv4.TryParse(attempt.GatewayIp, out _))
            yield return $"gatewayIp: '{attempt.GatewayIp}' is not an IPv4 address";
        if (!TlsVersions.TryParseOffered(attempt.Tls, out _))
            yield return $"tls: '{attempt.Tls}' is not one of none, 1.0, 1.1, 1.2, 1.3";
        foreach (var problem in CheckSource(attempt.Source, directory))
            yield return problem;
        for (var i = 0; i < (attempt.Statements?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(attempt.Statements![i]))
                yield return $"statements[{i}]: empty statement";
        }
    }

    private static IEnumerable<string> CheckSource(AttemptSource? source, FleetDirectory directory)
    {
        if (source is null)
        {
            yield return "source: required: {\"ip\": A}, {\"ip\": A, \"azure\": true}, {\"subnet\": ID, \"ip\": A} or {\"privateEndpoint\": NAME}";
            yield break;
        }
        var forms = (source.Subnet is null ? 0 : 1) + (source.PrivateEndpoint is null ? 0 : 1) + (source.Azure ? 1 : 0);
        if (forms > 1)
            yield return "source: give only one of azure, subnet and privateEndpoint";
        Ipv4 ip = default;
        if (source.Ip is null && source.PrivateEndpoint is null)
            yield return "source.ip: required unless the source is a privateEndpoint";
        else if (source.Ip is not null && !Ipv4.TryParse(source.Ip, out ip))
            yield return $"source.ip: '{source.Ip}' is not an IPv4 address";
        if (source.Subnet is not null)
        {
            if (!directory.TryGetSubnet(source.Subnet, out var subnet))
                yield return $"source.subnet: '{source.Subnet}' is not a subnet of the fleet's virtualNetworks";
            else if (source.Ip is not null && ip != default && !subnet.AddressPrefix.Contains(ip))
                yield return $"source.ip: '{source.Ip}' is not inside subnet {subnet.Id} ({subnet.AddressPrefix})";
        }
    }
}

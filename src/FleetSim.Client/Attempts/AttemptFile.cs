using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Client.Attempts;

/// <summary>An attempts file read and checked against its fleet: JSON Lines, one attempt a line.</summary>
public sealed record AttemptFile(IReadOnlyList<Attempt> Attempts)
{
    private const string SourceForms = "{\"ip\": A}, {\"ip\": A, \"azure\": true}, {\"subnet\": ID, \"ip\": A} or {\"privateEndpoint\": NAME}";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonDocumentOptions LineOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
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
        // Decisions are matched to attempts by id, so an id names one line only.
        var idLines = new Dictionary<string, (int Line, bool Numbered)>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var lineNumber = i + 1;
            if (!TryParse(lines[i], out var attempt, out var error))
            {
                errors.Add($"{name}: line {lineNumber}: {error}");
                continue;
            }
            foreach (var problem in Check(attempt, directory))
                errors.Add($"{name}: line {lineNumber}: {problem}");
            var id = attempt.Id ?? lineNumber.ToString(CultureInfo.InvariantCulture);
            if (idLines.TryGetValue(id, out var first))
                errors.Add($"{name}: line {lineNumber}: id: '{id}' is already the id of line {first.Line}{(first.Numbered || attempt.Id is null ? " (an attempt without an id is known by its line number)" : "")}; each attempt needs its own, the output is matched to the input by it");
            else
                idLines.Add(id, (lineNumber, attempt.Id is null));
            attempts.Add(attempt with { Id = id });
        }
        if (errors.Count > 0)
            throw new AttemptFileException(errors);
        return new AttemptFile(attempts);
    }

    /// <summary>One line as an attempt, or what is wrong with it in the file's terms (never a .NET type's name).</summary>
    public static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Attempt? attempt, out string error)
    {
        attempt = null;
        error = "";
        // Most lines read straight away; only a line that does not is parsed on its own, to say why.
        try
        {
            attempt = JsonSerializer.Deserialize<Attempt>(line, Options);
            if (attempt is not null)
                return true;
        }
#pragma warning disable CA1031 // Whatever went wrong, the parse below meets it again and describes it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, LineOptions);
        }
        catch (JsonException e)
        {
            error = JsonReadError.SyntaxMessage(e);
            return false;
        }
        using (document)
        {
            try
            {
                attempt = document.RootElement.Deserialize<Attempt>(Options);
            }
            catch (JsonException e)
            {
                error = JsonReadError.Message(e, document.RootElement, Options.GetTypeInfo(typeof(Attempt)), "an attempt object");
                return false;
            }
        }
        if (attempt is null)
            error = "expected an attempt object, not null";
        return attempt is not null;
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
            yield return $"source: required: {SourceForms}";
            yield break;
        }
        // A client arrives one way only; two ways at once would be decided as one of them, silently.
        if ((source.PrivateEndpoint is not null && (source.Ip is not null || source.Azure || source.Subnet is not null))
            || (source.Azure && source.Subnet is not null))
        {
            var fields = Fields(source).ToArray();
            yield return $"source: {string.Join(", ", fields[..^1])} and {fields[^1]} are two forms at once; give one of {SourceForms}";
        }
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

    private static IEnumerable<string> Fields(AttemptSource source)
    {
        if (source.Ip is not null)
            yield return "ip";
        if (source.Azure)
            yield return "azure";
        if (source.Subnet is not null)
            yield return "subnet";
        if (source.PrivateEndpoint is not null)
            yield return "privateEndpoint";
    }
}

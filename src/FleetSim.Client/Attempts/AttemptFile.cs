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

    private static readonly JsonSerializerOptions Options = AttemptJson.Default.Options;

    private static readonly JsonDocumentOptions LineOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads every line and reports every bad one, naming the file, line and field.</summary>
    public static AttemptFile Read(string path, FleetSpec fleet)
    {
        var name = Path.GetFileName(path);
        var text = File.ReadAllBytes(path);
        var lines = Lines(text);
        var directory = FleetDirectory.FromSpec(fleet);
        // Lines are parsed and checked in parallel, as UTF-8 (a million-line file is mostly JSON
        // to read), then numbered, matched by id and reported in file order.
        var parsed = new (Attempt? Attempt, List<string>? Problems)[lines.Count];
        Parallel.For(0, lines.Count, i =>
        {
            var line = text.AsMemory(lines[i].Start, lines[i].Length);
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
                return;
            if (!TryParse(line, out var attempt, out var error))
            {
                parsed[i] = (null, [error]);
                return;
            }
            var problems = Check(attempt, directory).ToList();
            parsed[i] = (attempt, problems.Count == 0 ? null : problems);
        });
        var attempts = new List<Attempt>(lines.Count);
        var errors = new List<string>();
        // Decisions are matched to attempts by id, so an id names one line only.
        var idLines = new Dictionary<string, (int Line, bool Numbered)>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            foreach (var problem in parsed[i].Problems ?? [])
                errors.Add($"{name}: line {lineNumber}: {problem}");
            if (parsed[i].Attempt is not { } attempt)
                continue;
            var id = attempt.Id ?? lineNumber.ToString(CultureInfo.InvariantCulture);
            if (idLines.TryGetValue(id, out var first))
                errors.Add($"{name}: line {lineNumber}: id: '{id}' is already the id of line {first.Line}{(first.Numbered || attempt.Id is null ? " (an attempt without an id is known by its line number)" : "")}; each attempt needs its own, the output is matched to the input by it");
            else
                idLines.Add(id, (lineNumber, attempt.Id is null));
            attempts.Add(attempt.Id is null ? attempt with { Id = id } : attempt);
        }
        if (errors.Count > 0)
            throw new AttemptFileException(errors);
        return new AttemptFile(attempts);
    }

    /// <summary>One line as an attempt, or what is wrong with it in the file's terms (never a .NET type's name).</summary>
    /// <summary>Where each line starts and how long it is (without its line break); a UTF-8 byte order mark is skipped.</summary>
    private static List<(int Start, int Length)> Lines(byte[] text)
    {
        var lines = new List<(int, int)>(text.Length / 128);
        var start = text.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start <= text.Length)
        {
            var end = text.AsSpan(start).IndexOf((byte)'\n');
            var length = end < 0 ? text.Length - start : end;
            if (end >= 0 || length > 0)
                lines.Add((start, length > 0 && text[start + length - 1] == '\r' ? length - 1 : length));
            if (end < 0)
                break;
            start += end + 1;
        }
        return lines;
    }

    /// <summary>
    /// A source object in the attempts file's form, as a gateway log keeps each source; null, with
    /// what is wrong, when it is not one. Only its form is checked: a replay decides whatever it
    /// names as the pipeline would.
    /// </summary>
    public static AttemptSource? ParseSource(string json, out string? problem)
    {
        AttemptSource? source;
        try
        {
            source = JsonSerializer.Deserialize(json, AttemptJson.Default.AttemptSource);
        }
        catch (JsonException e)
        {
            problem = $"source '{json}': {JsonReadError.SyntaxMessage(e)}";
            return null;
        }
        problem = source switch
        {
            null => "source: null",
            { Ip: null, PrivateEndpoint: null } => $"source '{json}': an ip is required unless the source is a privateEndpoint",
            { Ip: { } ip } when !Ipv4.TryParse(ip, out _) => $"source '{json}': '{ip}' is not an IPv4 address",
            _ => null,
        };
        return problem is null ? source : null;
    }

    public static bool TryParse(ReadOnlyMemory<byte> line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Attempt? attempt, out string error)
    {
        attempt = null;
        error = "";
        // Most lines read straight away; only a line that does not is parsed on its own, to say why.
        try
        {
            attempt = JsonSerializer.Deserialize(line.Span, AttemptJson.Default.Attempt);
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

/// <summary>The attempts file's JSON, generated at build time: no reflection for files of a million lines.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Attempt))]
[JsonSerializable(typeof(AttemptSource))]
internal sealed partial class AttemptJson : JsonSerializerContext;

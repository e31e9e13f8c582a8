using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Reads a fleet document (JSON with the real service's camelCase names; comments and trailing
/// commas allowed) and validates it. A bad document is rejected whole with every problem found.
/// </summary>
public static class FleetSpecReader
{
    /// <summary>
    /// The document format, for writers too. Strict on purpose: an unknown or repeated property is an
    /// error, so a typo such as "firewallRule" cannot silently leave a server without its rules, and
    /// null is refused where the model has no null (lists, numbers, switches).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="FleetSpecException">The file is not valid JSON of a fleet, or the fleet breaks a rule.</exception>
    public static FleetSpec ReadFile(string path)
    {
        // A fleet of 10,000 servers is tens of megabytes: it is read as it streams in, without the
        // whole text and a parsed copy of it in memory. A file that does not read is read again
        // as text, which says what is wrong in the usual terms.
        var spec = TryDeserializeStream(path) ?? Deserialize(File.ReadAllText(path), path);
        var errors = FleetSpecValidator.Validate(spec);
        return errors.Count == 0 ? spec : throw new FleetSpecException(path, errors);
    }

    private static FleetSpec? TryDeserializeStream(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            return JsonSerializer.Deserialize<FleetSpec>(stream, Options);
        }
#pragma warning disable CA1031 // Whatever went wrong, the text path below meets it again and reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <param name="json">The document.</param>
    /// <param name="source">Names the document in messages, e.g. its file name.</param>
    /// <exception cref="FleetSpecException">The text is not valid JSON of a fleet, or the fleet breaks a rule.</exception>
    public static FleetSpec Read(string json, string source)
    {
        var spec = Deserialize(json, source);
        var errors = FleetSpecValidator.Validate(spec);
        return errors.Count == 0 ? spec : throw new FleetSpecException(source, errors);
    }

    private static FleetSpec Deserialize(string json, string source) => Deserialize<FleetSpec>(json, source, "a fleet object");

    /// <summary>
    /// Reads any document of FleetSim's (a fleet, a scenario that holds one) with the same strict
    /// options and the same line-and-path error messages; validation is the caller's.
    /// </summary>
    /// <param name="document">What the whole document is, in the file's terms, for a document of another shape: "a scenario object".</param>
    /// <exception cref="FleetSpecException">The text is not valid JSON of a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, string source, string document) where T : class
    {
        // A document that does not read is parsed on its own: a syntax error is reported as such,
        // and a type error is described from the parsed document (what was found there, whether
        // a property is repeated). A document that reads is parsed once only.
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new FleetSpecException(source, [$"line 1: expected {document}, not null"]);
        }
        catch (Exception exception) when (exception is not FleetSpecException)
        {
            using var parsed = ParseSyntax(json, source);
            if (exception is not JsonException typeError)
                throw;
            throw new FleetSpecException(source, [JsonReadError.Describe(typeError, parsed.RootElement, Options.GetTypeInfo(typeof(T)), document)]);
        }
    }

    private static JsonDocument ParseSyntax(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new FleetSpecException(source, [JsonReadError.DescribeSyntax(exception)]);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}

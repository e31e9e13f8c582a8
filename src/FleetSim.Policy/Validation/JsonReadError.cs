using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Turns System.Text.Json's errors into FleetSim's: "line 7: servers[0].firewallRules: expected an array".
/// What was expected comes from the serializer's own metadata for the path, not from its message text,
/// and is said in the file's terms ("expected an attempt object"), never as a .NET type name.
/// </summary>
public static class JsonReadError
{
    /// <summary>A syntax error, with its line: "line 3: ...".</summary>
    public static string DescribeSyntax(JsonException exception) => Line(exception) + SyntaxMessage(exception);

    /// <summary>A syntax error without its line, for readers that number lines themselves (JSON Lines).</summary>
    public static string SyntaxMessage(JsonException exception) => WithoutPosition(exception.Message);

    /// <summary>A document that parsed but does not fit its type, with its line: "line 7: servers[0].firewallRules: expected an array".</summary>
    /// <param name="root">The parsed document, to say what was found where the type did not fit.</param>
    /// <param name="rootType">The type read.</param>
    /// <param name="document">What the whole document is, in the file's terms: "a fleet object".</param>
    public static string Describe(JsonException exception, JsonElement root, JsonTypeInfo rootType, string document) =>
        Line(exception) + Message(exception, root, rootType, document);

    /// <summary>As <see cref="Describe"/>, without the line, for readers that number lines themselves (JSON Lines).</summary>
    public static string Message(JsonException exception, JsonElement root, JsonTypeInfo rootType, string document)
    {
        if (exception.InnerException is JsonException syntax)
            return WithoutPosition(syntax.Message);
        if (!TryParsePath(exception.Path, out var segments))
            return WithoutPosition(exception.Message);

        var type = rootType;
        JsonElement? element = root;
        JsonElement? parent = null;
        string? property = null;
        var path = SpecPath.Root;
        foreach (var segment in segments)
        {
            parent = element;
            property = segment.Name;
            if (segment.Name is { } name && type.Kind == JsonTypeInfoKind.Object)
            {
                var member = type.Properties.FirstOrDefault(p => p.Name == name);
                if (member is null)
                    return At(path.Property(name), UnknownProperty(name, type));
                type = type.Options.GetTypeInfo(member.PropertyType);
                path = path.Property(name);
                element = Child(element, name);
            }
            else if (segment.Name is { } key && type is { Kind: JsonTypeInfoKind.Dictionary, ElementType: { } valueType })
            {
                type = type.Options.GetTypeInfo(valueType);
                path = path.Key(key);
                element = Child(element, key);
            }
            else if (segment.Name is null && type is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } itemType })
            {
                type = type.Options.GetTypeInfo(itemType);
                path = path.Item(segment.Index);
                element = element is { ValueKind: JsonValueKind.Array } array && segment.Index < array.GetArrayLength() ? array[segment.Index] : null;
            }
            else
                return WithoutPosition(exception.Message);
        }
        return At(path, Mismatch(type, element, parent, property, path.IsRoot ? document : null));
    }

    private static string Mismatch(JsonTypeInfo expected, JsonElement? found, JsonElement? parent, string? property, string? document)
    {
        if (property is not null && parent is { ValueKind: JsonValueKind.Object } owner
            && owner.EnumerateObject().Count(p => p.NameEquals(property)) > 1)
            return "duplicate property; each property may appear once";
        var description = document ?? Expected(expected);
        return found?.ValueKind switch
        {
            JsonValueKind.Null => $"expected {description}, not null",
            // Server parameters are strings in ARM, numbers included: "max_connections": "500".
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when expected.Type == typeof(string)
                => $"expected {description}; write it in quotes: \"{found.Value.GetRawText()}\"",
            _ => $"expected {description}",
        };
    }

    private static string Expected(JsonTypeInfo type)
    {
        var value = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return type.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ when value == typeof(string) || value.IsEnum => "a string",
            _ when value == typeof(int) || value == typeof(long) => "an integer",
            _ when value == typeof(double) || value == typeof(decimal) || value == typeof(float) => "a number",
            _ when value == typeof(bool) => "true or false",
            _ when value == typeof(DateTimeOffset) || value == typeof(DateTime) => "a date and time such as \"2026-01-31T09:00:00Z\"",
            _ when value == typeof(TimeSpan) => "a duration such as \"00:05:00\"",
            // Never a .NET type's name: the reader of the message wrote JSON, not C#.
            _ => "a different value",
        };
    }

    private static string UnknownProperty(string name, JsonTypeInfo owner)
    {
        var known = owner.Properties.Select(p => p.Name).ToList();
        return Spelling.Nearest(name, known) is { } near
            ? $"unknown property; did you mean '{near}'?"
            : $"unknown property; expected one of {string.Join(", ", known)}";
    }

    private static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } owner && owner.TryGetProperty(name, out var child) ? child : null;

    private static string At(SpecPath path, string message) => path.IsRoot ? message : $"{path}: {message}";

    private static string Line(JsonException exception) =>
        exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}: ") : "";

    // The serializer appends where it was ("Path: $.x | LineNumber: 3 | ..."); FleetSim says that its own way.
    private static string WithoutPosition(string message)
    {
        var cut = message.Length;
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
                cut = Math.Min(cut, index);
        }
        return message[..cut];
    }

    private readonly record struct Segment(string? Name, int Index);

    /// <summary>Parses the serializer's path: $, .name, ['name'] and [index].</summary>
    private static bool TryParsePath(string? path, out List<Segment> segments)
    {
        segments = [];
        if (path is null || !path.StartsWith('$'))
            return false;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], 0));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                    return false;
                segments.Add(new Segment(path[(i + 2)..end], 0));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    return false;
                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
                return false;
        }
        return true;
    }
}

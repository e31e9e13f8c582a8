using System.Diagnostics.CodeAnalysis;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>Collects every problem of a document as "path: message", in document order.</summary>
internal sealed class ValidationErrors
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> All => _errors;

    public void Add(SpecPath path, string message) => _errors.Add(path.IsRoot ? message : $"{path}: {message}");

    /// <summary>
    /// The non-null items of a list with their paths. A null list or item is reported, not thrown on:
    /// a document may hold nulls anywhere, and C# annotations do not stop them.
    /// </summary>
    public IEnumerable<(T Item, SpecPath Path)> Each<T>(IReadOnlyList<T?>? items, SpecPath path) where T : class
    {
        if (items is null)
        {
            Add(path, "must not be null; use [] for none");
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item)
                yield return (item, path.Item(i));
            else
                Add(path.Item(i), "must not be null");
        }
    }

    /// <summary>Reports a missing or blank value; true when there is one.</summary>
    public bool Required([NotNullWhen(true)] string? value, SpecPath path)
    {
        if (!string.IsNullOrWhiteSpace(value))
            return true;
        Add(path, "is required");
        return false;
    }

    public bool OneOf<T>(string? text, SpecPath path, out T value) where T : struct, Enum
    {
        if (SpecEnum.TryParse(text, out value))
            return true;
        Add(path, text is null ? $"is required: one of {SpecEnum.Names<T>()}" : $"'{text}' is not one of {SpecEnum.Names<T>()}");
        return false;
    }

    /// <summary>Enabled or Disabled, as the real service spells its switches.</summary>
    public bool Switch(string? text, SpecPath path, out bool enabled)
    {
        if (SpecEnum.TryParseSwitch(text, out enabled))
            return true;
        Add(path, text is null ? "is required: one of Enabled|Disabled" : $"'{text}' is not one of Enabled|Disabled");
        return false;
    }

    /// <summary>Reports a second use of a name that must be unique; true for the first use, which keeps the name.</summary>
    public bool Unique(string name, SpecPath path, Dictionary<string, SpecPath> seen)
    {
        if (seen.TryAdd(name, path))
            return true;
        Add(path, $"'{name}' is already used by {seen[name]}");
        return false;
    }
}

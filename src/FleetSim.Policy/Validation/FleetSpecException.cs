namespace FleetSim.Policy.Validation;

/// <summary>A fleet document that cannot be used: malformed JSON, or values the real service would refuse.</summary>
public sealed class FleetSpecException : Exception
{
    public FleetSpecException(string sourceName, IReadOnlyList<string> errors)
        : base(string.Join('\n', errors.Select(error => $"{sourceName}: {error}")))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>The document's name as the caller gave it, e.g. fleet.json.</summary>
    public string SourceName { get; }

    /// <summary>Every problem found, each as "path: message" (JSON errors start with "line N: "), without the source name.</summary>
    public IReadOnlyList<string> Errors { get; }
}

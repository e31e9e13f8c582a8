namespace FleetSim.Policy.Decisions;

/// <summary>One stage of the decision pipeline as `explain` shows it.</summary>
public sealed record TraceStep(string Stage, bool Passed, string Detail);

/// <summary>
/// Collects trace steps when a caller asked for them. Callers write <c>trace?.Add(...)</c>, so the
/// hot path, which passes null, never builds the detail strings.
/// </summary>
public sealed class DecisionTrace
{
    private readonly List<TraceStep> _steps = [];

    public IReadOnlyList<TraceStep> Steps => _steps;

    public void Add(string stage, bool passed, string detail) => _steps.Add(new TraceStep(stage, passed, detail));

    public void AddRange(IEnumerable<TraceStep> steps) => _steps.AddRange(steps);
}

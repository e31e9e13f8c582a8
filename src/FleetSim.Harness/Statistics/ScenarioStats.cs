namespace FleetSim.Harness;

/// <summary>A scenario's results: its iterations, its steps, and what the open model could not start.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Totals">The iterations (the scenario function's responses).</param>
/// <param name="Steps">Each step, in the order first seen.</param>
/// <param name="DroppedCount">Open model: iterations not started within the maximum start delay.</param>
/// <param name="LateCount">Open model: iterations started later than the late threshold after their intended time.</param>
/// <param name="MaxActiveCopies">The most copies busy at once.</param>
/// <param name="WarmUp">The warm-up, excluded from every figure.</param>
/// <param name="Duration">The measured time.</param>
/// <param name="Simulations">The load simulations, as they read.</param>
public sealed record ScenarioStats(
    string Name,
    CallStats Totals,
    IReadOnlyList<CallStats> Steps,
    long DroppedCount,
    long LateCount,
    int MaxActiveCopies,
    TimeSpan WarmUp,
    TimeSpan Duration,
    IReadOnlyList<string> Simulations);

namespace FleetSim.Harness;

/// <summary>Statistics of a set of calls: a scenario's iterations, one step's calls, or every scenario's ("all").</summary>
/// <param name="Scenario">The scenario, or "all".</param>
/// <param name="Step">The step; null for the scenario's own iterations.</param>
/// <param name="OkCount">Calls that succeeded.</param>
/// <param name="FailCount">Calls that failed.</param>
/// <param name="Bytes">Bytes transferred, as the responses reported them.</param>
/// <param name="Duration">The measured time the calls were made in (warm-up excluded).</param>
/// <param name="Ok">Latency of the successful calls: what thresholds and summaries use.</param>
/// <param name="Fail">Latency of the failed calls.</param>
/// <param name="Outcomes">Counts by status code, most frequent first.</param>
public sealed record CallStats(
    string Scenario,
    string? Step,
    long OkCount,
    long FailCount,
    long Bytes,
    TimeSpan Duration,
    LatencyStats Ok,
    LatencyStats Fail,
    IReadOnlyList<OutcomeCount> Outcomes)
{
    /// <summary>The step's name, or the scenario's.</summary>
    public string Name => Step ?? Scenario;

    /// <summary>All calls, ok and failed.</summary>
    public long Count => OkCount + FailCount;

    /// <summary>Calls per second over <see cref="Duration"/>.</summary>
    public double Rps => Duration > TimeSpan.Zero ? Count / Duration.TotalSeconds : 0;

    /// <summary>The share of calls that failed, 0 to 1.</summary>
    public double FailRate => Count == 0 ? 0 : (double)FailCount / Count;

    internal static CallStats From(string scenario, string? step, IntervalBuffer buffer, TimeSpan duration) =>
        new(scenario, step, buffer.Ok.Count, buffer.Fail.Count, buffer.Bytes, duration,
            buffer.Ok.ToStats(), buffer.Fail.ToStats(), buffer.Outcomes.ToList());
}

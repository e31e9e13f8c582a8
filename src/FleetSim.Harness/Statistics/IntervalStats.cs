namespace FleetSim.Harness;

/// <summary>
/// One reporting interval of one series (a scenario, a step, or "all"): a row of the history, as in
/// Locust's _stats_history.csv, with the interval's own figures and the running totals.
/// </summary>
/// <param name="Index">The interval's number, from 0.</param>
/// <param name="Start">Elapsed run time at the interval's start.</param>
/// <param name="End">Elapsed run time at its end.</param>
/// <param name="Timestamp">Wall-clock time at its end.</param>
/// <param name="Scenario">The scenario, or "all".</param>
/// <param name="Step">The step; null for the scenario's iterations.</param>
/// <param name="ActiveCopies">The most copies busy at once during the interval (for "all", the scenarios' peaks added).</param>
/// <param name="OkCount">Calls that succeeded in the interval.</param>
/// <param name="FailCount">Calls that failed in the interval.</param>
/// <param name="DroppedCount">Open-model iterations dropped in the interval.</param>
/// <param name="LateCount">Open-model iterations started late in the interval.</param>
/// <param name="Latency">The interval's latency of successful calls.</param>
/// <param name="Outcomes">The interval's counts by status code.</param>
/// <param name="TotalOkCount">Successful calls so far.</param>
/// <param name="TotalFailCount">Failed calls so far.</param>
/// <param name="TotalLatency">Latency of the successful calls so far.</param>
public sealed record IntervalStats(
    int Index,
    TimeSpan Start,
    TimeSpan End,
    DateTimeOffset Timestamp,
    string Scenario,
    string? Step,
    int ActiveCopies,
    long OkCount,
    long FailCount,
    long DroppedCount,
    long LateCount,
    LatencyStats Latency,
    IReadOnlyList<OutcomeCount> Outcomes,
    long TotalOkCount,
    long TotalFailCount,
    LatencyStats TotalLatency)
{
    /// <summary>The step's name, or the scenario's.</summary>
    public string Name => Step ?? Scenario;

    /// <summary>The interval's length (the last one may be short).</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>Calls per second in the interval.</summary>
    public double Rps => Duration > TimeSpan.Zero ? (OkCount + FailCount) / Duration.TotalSeconds : 0;

    /// <summary>Failed calls per second in the interval.</summary>
    public double FailuresPerSecond => Duration > TimeSpan.Zero ? FailCount / Duration.TotalSeconds : 0;
}

namespace FleetSim.Harness;

/// <summary>How many calls ended with one status code: a row of the outcomes-by-reason table.</summary>
/// <param name="StatusCode">The outcome's name, e.g. "FirewallDenied".</param>
/// <param name="IsError">Whether those calls failed.</param>
/// <param name="Count">How many.</param>
public sealed record OutcomeCount(string StatusCode, bool IsError, long Count);

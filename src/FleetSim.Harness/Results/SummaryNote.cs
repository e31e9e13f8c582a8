namespace FleetSim.Harness;

/// <summary>A host's own figure for the summary and reports, e.g. ("audit records written", "29,998").</summary>
/// <param name="Label">What the figure is.</param>
/// <param name="Value">The figure, as the host wants it shown.</param>
public sealed record SummaryNote(string Label, string Value);

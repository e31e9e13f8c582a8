namespace FleetSim.Harness;

/// <summary>A host's own figure for the summary and reports, e.g. ("audit records written", "29,998").</summary>
/// <param name="Label">What the figure is.</param>
/// <param name="Value">The figure, as the host wants it shown.</param>
public sealed record SummaryNote(string Label, string Value)
{
    /// <summary>
    /// A chart the HTML report draws under the notes: SVG built by the host's own code, every text
    /// in it already encoded (it is inserted as it is). The other formats show the value alone.
    /// </summary>
    public string? Figure { get; init; }
}

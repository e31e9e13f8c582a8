namespace FleetSim.Harness;

/// <summary>One chart of the HTML report: its title, the drawing, and the line under it that says how to read it, if it needs one.</summary>
/// <param name="Title">The title drawn on the chart.</param>
/// <param name="Svg">The chart as inline SVG.</param>
/// <param name="LogScale">Whether the y axis is logarithmic (a latency whose range spans decades).</param>
/// <param name="Note">Shown under the chart.</param>
internal sealed record ReportChart(string Title, string Svg, bool LogScale = false, string? Note = null);

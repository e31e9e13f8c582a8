using System.Text.RegularExpressions;
using ScottPlot;

namespace FleetSim.Harness;

/// <summary>
/// Line charts as inline SVG, drawn by ScottPlot 5 (its SVG backend needs no browser and no files).
/// Should the native drawing library be missing on a machine, the report gets a note in place of
/// the chart instead of failing.
/// </summary>
internal static partial class ChartSvg
{
    private static int s_chartNumber;

    /// <summary>One chart: a line per series over <paramref name="xs"/> (seconds).</summary>
    public static string Lines(string title, string yLabel, double[] xs, IReadOnlyList<(string Label, double[] Ys)> series, int width = 900, int height = 280)
    {
        try
        {
            var plot = new Plot();
            foreach (var (label, ys) in series)
            {
                var line = plot.Add.Scatter(xs, ys);
                line.LegendText = label;
                line.MarkerSize = xs.Length > 40 ? 0 : 4;
                line.LineWidth = 2;
            }
            plot.Title(title);
            plot.XLabel("elapsed (s)");
            plot.YLabel(yLabel);
            plot.Axes.Margins(bottom: 0);
            if (series.Count > 1)
                plot.ShowLegend(Alignment.UpperLeft);
            return Inline(plot.GetSvgXml(width, height));
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"40\"><text x=\"8\" y=\"24\">{System.Net.WebUtility.HtmlEncode(title)}: chart not drawn ({System.Net.WebUtility.HtmlEncode(exception.Message)})</text></svg>";
        }
    }

    /// <summary>
    /// Drops the XML declaration (not allowed inside HTML) and makes element ids unique, since
    /// several charts share one page and a clip path must not resolve to another chart's.
    /// </summary>
    private static string Inline(string svg)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0)
            svg = svg[start..];
        var prefix = $"c{Interlocked.Increment(ref s_chartNumber)}-";
        svg = IdAttribute().Replace(svg, match => $"id=\"{prefix}{match.Groups[1].Value}\"");
        return IdReference().Replace(svg, match => $"url(#{prefix}{match.Groups[1].Value})");
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex IdReference();
}

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

    /// <summary>
    /// One chart: a line per series over <paramref name="xs"/> (seconds). With <paramref name="logScale"/>
    /// the y axis is logarithmic, and points at or below 0 (an interval with no call) are left out.
    /// </summary>
    public static string Lines(string title, string yLabel, double[] xs, IReadOnlyList<(string Label, double[] Ys)> series, int width = 900, int height = 280, bool logScale = false)
    {
        try
        {
            var plot = new Plot();
            foreach (var (label, values) in series)
            {
                var (x, ys) = logScale ? Logarithmic(xs, values) : (xs, values);
                var line = plot.Add.Scatter(x, ys);
                line.LegendText = label;
                line.MarkerSize = xs.Length > 40 ? 0 : 4;
                line.LineWidth = 2;
            }
            plot.Title(title);
            plot.XLabel("elapsed (s)");
            plot.YLabel(yLabel);
            if (logScale)
                plot.Axes.Left.TickGenerator = LogTicks();
            else
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

    /// <summary>ScottPlot has no log axis: the values are charted as their logarithms, with ticks labelled back in the values.</summary>
    private static (double[] Xs, double[] Ys) Logarithmic(double[] xs, double[] ys)
    {
        var kept = Enumerable.Range(0, Math.Min(xs.Length, ys.Length)).Where(i => ys[i] > 0 && double.IsFinite(ys[i])).ToArray();
        return ([.. kept.Select(i => xs[i])], [.. kept.Select(i => Math.Log10(ys[i]))]);
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent =>
        {
            var value = Math.Pow(10, exponent);
            return value.ToString(value >= 1 ? "N0" : "0.###", System.Globalization.CultureInfo.InvariantCulture);
        },
    };

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

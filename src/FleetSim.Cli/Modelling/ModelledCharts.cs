using System.Globalization;
using System.Net;
using System.Text;
using FleetSim.Runs.Modelling;

namespace FleetSim.Cli.Modelling;

/// <summary>modelled.html: modelled latency against offered load (the knee), and utilisation over time.</summary>
internal static class ModelledCharts
{
    private const int Width = 720, Height = 360, Left = 60, Bottom = 40, Top = 20, Right = 20;
    private static readonly string[] Colours = ["#2a7ab9", "#d9534f", "#5cb85c", "#f0ad4e", "#8e44ad", "#16a085", "#7f8c8d"];

    public static string Page(IReadOnlyList<ModelledSecond> seconds, IReadOnlyList<(string Name, IReadOnlyList<(long Second, double Share)> Points)> utilisation) => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Modelled latency against offered load</title></head>
        <body style="font-family:sans-serif">
        <h1>Modelled connect latency against offered load</h1>
        <p>Each second of simulated time is two points at its offered load: <span style="color:{Colours[0]}">p50</span> and <span style="color:{Colours[1]}">p99</span>.
        The figures come from the fleet's model section (assumed costs, see the README's "Capacity model"), not from this machine.</p>
        {Knee(seconds)}
        {(HasStatements(seconds) ? $"<h2>Modelled statement latency against offered load</h2><p>p99 of the statements sent in each second: <span style=\"color:{Colours[0]}\">proxy</span> (through the gateway's queue and the hop) and <span style=\"color:{Colours[2]}\">redirect</span> (straight to the server).</p>{Statements(seconds)}" : "")}
        <h2>Utilisation over time</h2>
        <p>Worker time held per second of simulated time (counted in the second a connection arrived or a statement was sent), for each gateway address and the five busiest servers.</p>
        {Utilisation(utilisation)}
        </body></html>
        """;

    public static string Knee(IReadOnlyList<ModelledSecond> seconds)
    {
        var maxLoad = Math.Max(1, seconds.Select(s => s.Arrivals).DefaultIfEmpty(1).Max());
        var maxMs = Math.Max(1, seconds.Select(s => s.Latency.P99).DefaultIfEmpty(1).Max());
        var svg = Frame($"offered load (connections per second of simulated time), max {maxLoad:N0}", $"modelled connect latency (ms), max {maxMs:0.#}");
        foreach (var s in seconds)
        {
            svg.Append(Point(X(s.Arrivals, maxLoad), Y(s.Latency.P50, maxMs), Colours[0], $"{s.Arrivals}/s: p50 {s.Latency.P50:0.###} ms"));
            svg.Append(Point(X(s.Arrivals, maxLoad), Y(s.Latency.P99, maxMs), Colours[1], $"{s.Arrivals}/s: p99 {s.Latency.P99:0.###} ms"));
        }
        return svg.Append("</svg>").ToString();
    }

    public static bool HasStatements(IReadOnlyList<ModelledSecond> seconds) => seconds.Any(s => s.Proxied.Count + s.Redirected.Count > 0);

    /// <summary>Each second's p99 of its proxied and its redirected statements, at its offered load: what redirect buys as the gateway fills.</summary>
    public static string Statements(IReadOnlyList<ModelledSecond> seconds)
    {
        var maxLoad = Math.Max(1, seconds.Select(s => s.Arrivals).DefaultIfEmpty(1).Max());
        var maxMs = Math.Max(1, seconds.Select(s => Math.Max(s.Proxied.P99, s.Redirected.P99)).DefaultIfEmpty(1).Max());
        var svg = Frame($"offered load (connections per second of simulated time), max {maxLoad:N0}", $"modelled statement p99 (ms), max {maxMs:0.#}");
        foreach (var s in seconds)
        {
            if (s.Proxied.Count > 0)
                svg.Append(Point(X(s.Arrivals, maxLoad), Y(s.Proxied.P99, maxMs), Colours[0], $"{s.Arrivals}/s: proxy p99 {s.Proxied.P99:0.###} ms"));
            if (s.Redirected.Count > 0)
                svg.Append(Point(X(s.Arrivals, maxLoad), Y(s.Redirected.P99, maxMs), Colours[2], $"{s.Arrivals}/s: redirect p99 {s.Redirected.P99:0.###} ms"));
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Utilisation(IReadOnlyList<(string Name, IReadOnlyList<(long Second, double Share)> Points)> series)
    {
        var last = Math.Max(1, series.SelectMany(s => s.Points).Select(p => p.Second).DefaultIfEmpty(1).Max());
        var svg = Frame($"second of simulated time (to {last})", "utilisation (0 to 100%)");
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var points = string.Join(" ", series[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Second, last):0.#},{Y(Math.Min(p.Share, 1), 1):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"><title>{WebUtility.HtmlEncode(series[i].Name)}</title></polyline>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + 8}\" y=\"{Top + 14 * (i + 1)}\" fill=\"{colour}\">{WebUtility.HtmlEncode(series[i].Name)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Frame(string xLabel, string yLabel)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Height / 2}\" transform=\"rotate(-90 14 {Height / 2})\" text-anchor=\"middle\">{WebUtility.HtmlEncode(yLabel)}</text>");
        return svg;
    }

    private static string Point(double x, double y, string colour, string title) =>
        string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"{colour}\"><title>{WebUtility.HtmlEncode(title)}</title></circle>");

    private static double X(double value, double max) => Left + value / max * (Width - Left - Right);

    private static double Y(double value, double max) => Height - Bottom - value / max * (Height - Bottom - Top);
}

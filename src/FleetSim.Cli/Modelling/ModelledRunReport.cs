using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetSim.Harness;
using FleetSim.Policy;
using FleetSim.Policy.Model;
using FleetSim.Policy.Spec;
using FleetSim.Runs.Modelling;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Cli.Modelling;

/// <summary>
/// `run`'s modelled figures when the fleet has a model: summary notes beside the engine's own
/// latency, and modelled.json and modelled.html (modelled latency against offered load) in the
/// report folder.
/// </summary>
public static class ModelledRunReport
{
    private static readonly HashSet<string> ClosedKinds = new(StringComparer.Ordinal) { "keepConstant", "rampingConstant", "iterationsForConstant" };

    public static IEnumerable<SummaryNote> Notes(ModelledRun run, ScenarioSpec scenario, FleetSpec fleet, string folder)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(fleet);
        var notes = new List<SummaryNote>();
        foreach (var p in run.Percentiles())
            notes.Add(new($"modelled {p.Name} (ms)", string.Create(CultureInfo.InvariantCulture,
                $"p50 {p.P50:0.###} · p90 {p.P90:0.###} · p99 {p.P99:0.###} · p99.9 {p.P999:0.###} · max {p.Max:0.###} ({p.Count:N0} connections)")));
        notes.Add(new("modelled timeouts", string.Create(CultureInfo.InvariantCulture, $"{run.Timeouts:N0} (ClientTimeout, 2013)")));
        var (gateways, servers) = Utilisation(run, fleet);
        notes.Add(new("modelled gateway utilisation", Top(gateways, int.MaxValue)));
        notes.Add(new("modelled busiest servers", Top(servers, 5)));
        notes.Add(new("modelled arrivals", scenario.Load.Any(l => ClosedKinds.Contains(l.Kind ?? ""))
            ? "closed-model phases start iterations when the engine finishes earlier ones, so their modelled figures depend on this machine; open-model arrivals are each iteration's intended start"
            : "each iteration's intended start (open model): the figures do not depend on this machine's speed"));
        Write(run, gateways, folder);
        notes.Add(new("modelled report", $"{Path.Combine(folder, "modelled.html")} (latency against offered load), modelled.json"));
        return notes;
    }

    private static (List<(string Name, double Share)> Gateways, List<(string Name, double Share)> Servers) Utilisation(ModelledRun run, FleetSpec fleet)
    {
        var model = ServiceModel.Compile(fleet.Model!);
        var (gatewayBusy, serverBusy, span) = run.BusyMs();
        var spanMs = Math.Max(span.TotalMilliseconds, 1);
        var vCores = fleet.Servers.Where(s => s.Name is not null)
            .ToDictionary(s => s.Name!, s => Sku.TryParse(s.Sku, out var sku) ? sku.VCores : 1, ResourceNames.Comparer);
        return (
            [.. gatewayBusy.Select(g => (g.Key, g.Value / (spanMs * model.GatewayWorkers))).OrderByDescending(g => g.Item2)],
            [.. serverBusy.Select(s => (s.Key, s.Value / (spanMs * model.ServerWorkers(vCores.GetValueOrDefault(s.Key, 1))))).OrderByDescending(s => s.Item2)]);
    }

    private static string Top(List<(string Name, double Share)> shares, int count) =>
        shares.Count == 0 ? "(none)" : string.Join(", ", shares.Take(count).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Share:P0}")));

    private static void Write(ModelledRun run, List<(string Name, double Share)> gateways, string folder)
    {
        var seconds = run.BySecond();
        using (var stream = File.Create(Path.Combine(folder, "modelled.json")))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("timeouts", run.Timeouts);
            json.WriteStartArray("percentiles");
            foreach (var p in run.Percentiles())
                WritePercentiles(json, p);
            json.WriteEndArray();
            json.WriteStartObject("gatewayUtilisation");
            foreach (var (name, share) in gateways)
                json.WriteNumber(name, Math.Round(share, 4));
            json.WriteEndObject();
            json.WriteStartArray("bySecond");
            foreach (var (second, arrivals, latency) in seconds)
            {
                json.WriteStartObject();
                json.WriteNumber("second", second);
                json.WriteNumber("offeredPerSecond", arrivals);
                json.WriteNumber("p50Ms", Math.Round(latency.P50, 3));
                json.WriteNumber("p99Ms", Math.Round(latency.P99, 3));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        File.WriteAllText(Path.Combine(folder, "modelled.html"), Html(seconds));
    }

    private static void WritePercentiles(Utf8JsonWriter json, ModelledPercentiles p)
    {
        json.WriteStartObject();
        json.WriteString("name", p.Name);
        json.WriteNumber("count", p.Count);
        json.WriteNumber("p50Ms", Math.Round(p.P50, 3));
        json.WriteNumber("p90Ms", Math.Round(p.P90, 3));
        json.WriteNumber("p99Ms", Math.Round(p.P99, 3));
        json.WriteNumber("p999Ms", Math.Round(p.P999, 3));
        json.WriteNumber("maxMs", Math.Round(p.Max, 3));
        json.WriteEndObject();
    }

    /// <summary>Each second of the run as two points, p50 and p99, at its offered load: the knee is where p99 leaves the floor.</summary>
    internal static string Html(IReadOnlyList<(long Second, int Arrivals, ModelledPercentiles Latency)> seconds)
    {
        const int Width = 720, Height = 360, Left = 60, Bottom = 40, Top = 20, Right = 20;
        var maxLoad = Math.Max(1, seconds.Select(s => s.Arrivals).DefaultIfEmpty(1).Max());
        var maxMs = Math.Max(1, seconds.Select(s => s.Latency.P99).DefaultIfEmpty(1).Max());
        double X(double load) => Left + load / maxLoad * (Width - Left - Right);
        double Y(double ms) => Height - Bottom - ms / maxMs * (Height - Bottom - Top);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">offered load (connections per second of simulated time), max {maxLoad:N0}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Height / 2}\" transform=\"rotate(-90 14 {Height / 2})\" text-anchor=\"middle\">modelled connect latency (ms), max {maxMs:0.#}</text>");
        foreach (var (_, arrivals, latency) in seconds)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(arrivals):0.#}\" cy=\"{Y(latency.P50):0.#}\" r=\"3\" fill=\"#2a7ab9\"><title>{arrivals}/s: p50 {latency.P50:0.###} ms</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(arrivals):0.#}\" cy=\"{Y(latency.P99):0.#}\" r=\"3\" fill=\"#d9534f\"><title>{arrivals}/s: p99 {latency.P99:0.###} ms</title></circle>");
        }
        svg.Append("</svg>");
        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Modelled latency against offered load</title></head>
            <body style="font-family:sans-serif">
            <h1>Modelled connect latency against offered load</h1>
            <p>Each second of simulated time is two points at its offered load: <span style="color:#2a7ab9">p50</span> and <span style="color:#d9534f">p99</span>.
            The figures come from the fleet's model section (assumed costs, see the README's "Capacity model"), not from this machine.</p>
            {svg}
            </body></html>
            """;
    }
}

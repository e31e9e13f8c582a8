using System.Globalization;
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
        var percentiles = run.Percentiles();
        foreach (var p in percentiles)
            notes.Add(new($"modelled {p.Name} (ms)", string.Create(CultureInfo.InvariantCulture,
                $"p50 {p.P50:0.###} · p90 {p.P90:0.###} · p99 {p.P99:0.###} · p99.9 {p.P999:0.###} · max {p.Max:0.###} ({p.Count:N0} {(p.Name.StartsWith(ModelledRun.Statements, StringComparison.Ordinal) ? "statements" : "connections")})")));
        var statements = percentiles.Any(p => p.Name == ModelledRun.Statements);
        notes.Add(new("modelled timeouts", string.Create(CultureInfo.InvariantCulture,
            $"{run.Timeouts:N0} (ClientTimeout, 2013){(statements ? $"; statements {run.StatementTimeouts:N0}" : "")}")));
        var (gateways, servers) = Utilisation(run, fleet);
        notes.Add(new("modelled gateway utilisation", Top(gateways, int.MaxValue)));
        notes.Add(new("modelled busiest servers", Top(servers, 5)));
        notes.Add(new("modelled arrivals", scenario.Load.Any(l => ClosedKinds.Contains(l.Kind ?? ""))
            ? "closed-model phases start iterations when the engine finishes earlier ones, so their modelled figures depend on this machine; open-model arrivals are each iteration's intended start"
            : statements
                ? "each iteration's intended start (open model), each statement when the one before it was answered in the model: the figures do not depend on this machine's speed, only on the order its engine delivers requests in"
                : "each iteration's intended start (open model): the figures do not depend on this machine's speed"));
        var (knee, utilisation) = Write(run, fleet, gateways, servers, folder);
        notes.Add(new("modelled report", $"{Path.Combine(folder, "modelled.html")} (latency against offered load), modelled.json"));
        // The same charts inside report.html, under its notes.
        notes.Add(new("modelled connect latency against offered load", "p50 and p99 per second of simulated time") { Figure = knee });
        notes.Add(new("modelled utilisation over time", "each gateway address and the five busiest servers") { Figure = utilisation });
        if (statements)
            notes.Add(new("modelled statement latency against offered load", "p99 per second: proxy (through the gateway) and redirect (straight to the server)") { Figure = ModelledCharts.Statements(run.BySecond()) });
        return notes;
    }

    private static (List<(string Name, double Share)> Gateways, List<(string Name, double Share)> Servers) Utilisation(ModelledRun run, FleetSpec fleet)
    {
        var workers = Workers.Of(fleet);
        var (gatewayBusy, serverBusy, span) = run.BusyMs();
        var spanMs = Math.Max(span.TotalMilliseconds, 1);
        return (
            [.. gatewayBusy.Select(g => (g.Key, g.Value / (spanMs * workers.Gateway))).OrderByDescending(g => g.Item2)],
            [.. serverBusy.Select(s => (s.Key, s.Value / (spanMs * workers.Server(s.Key)))).OrderByDescending(s => s.Item2)]);
    }

    private static string Top(List<(string Name, double Share)> shares, int count) =>
        shares.Count == 0 ? "(none)" : string.Join(", ", shares.Take(count).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Share:P0}")));

    /// <summary>The workers of a gateway address and of each server, as the model gives them.</summary>
    private sealed record Workers(int Gateway, Func<string, int> Server)
    {
        public static Workers Of(FleetSpec fleet)
        {
            var model = ServiceModel.Compile(fleet.Model!);
            var vCores = fleet.Servers.Where(s => s.Name is not null)
                .ToDictionary(s => s.Name!, s => Sku.TryParse(s.Sku, out var sku) ? sku.VCores : 1, ResourceNames.Comparer);
            return new Workers(model.GatewayWorkers, name => model.ServerWorkers(vCores.GetValueOrDefault(name, 1)));
        }
    }

    /// <returns>The two charts, for report.html too.</returns>
    private static (string Knee, string Utilisation) Write(ModelledRun run, FleetSpec fleet, List<(string Name, double Share)> gateways, List<(string Name, double Share)> servers, string folder)
    {
        var seconds = run.BySecond();
        var workers = Workers.Of(fleet);
        // Over time: every gateway address and the five busiest servers, worker time per second of simulated time.
        var watched = gateways.Select(g => (g.Name, Gateway: true)).Concat(servers.Take(5).Select(s => (s.Name, Gateway: false))).ToList();
        double Share(ModelledSecond second, string name, bool gateway) => gateway
            ? second.GatewayBusyMs.GetValueOrDefault(name) / (1000.0 * workers.Gateway)
            : second.ServerBusyMs.GetValueOrDefault(name) / (1000.0 * workers.Server(name));
        using (var stream = File.Create(Path.Combine(folder, "modelled.json")))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("timeouts", run.Timeouts);
            if (ModelledCharts.HasStatements(seconds))
                json.WriteNumber("statementTimeouts", run.StatementTimeouts);
            json.WriteStartArray("percentiles");
            foreach (var p in run.Percentiles())
                WritePercentiles(json, p);
            json.WriteEndArray();
            WriteShares(json, "gatewayUtilisation", gateways);
            WriteShares(json, "serverUtilisation", servers);
            json.WriteStartArray("bySecond");
            foreach (var second in seconds)
            {
                json.WriteStartObject();
                json.WriteNumber("second", second.Second);
                json.WriteNumber("offeredPerSecond", second.Arrivals);
                json.WriteNumber("p50Ms", Math.Round(second.Latency.P50, 3));
                json.WriteNumber("p99Ms", Math.Round(second.Latency.P99, 3));
                if (second.Proxied.Count > 0)
                    json.WriteNumber("proxyStatementP99Ms", Math.Round(second.Proxied.P99, 3));
                if (second.Redirected.Count > 0)
                    json.WriteNumber("redirectStatementP99Ms", Math.Round(second.Redirected.P99, 3));
                WriteShares(json, "utilisation", [.. watched.Select(w => (w.Name, Share(second, w.Name, w.Gateway)))]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        var series = watched.Select(w => (w.Name, Points: (IReadOnlyList<(long, double)>)[.. seconds.Select(s => (s.Second, Share(s, w.Name, w.Gateway)))])).ToList();
        File.WriteAllText(Path.Combine(folder, "modelled.html"), ModelledCharts.Page(seconds, series));
        return (ModelledCharts.Knee(seconds), ModelledCharts.Utilisation(series));
    }

    private static void WriteShares(Utf8JsonWriter json, string name, List<(string Name, double Share)> shares)
    {
        json.WriteStartObject(name);
        foreach (var (key, share) in shares)
            json.WriteNumber(key, Math.Round(share, 4));
        json.WriteEndObject();
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
}

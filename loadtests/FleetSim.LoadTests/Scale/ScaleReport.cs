using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FleetSim.LoadTests.Scale;

/// <summary>The points as a console table, scale.md, scale.json and one PNG per curve.</summary>
public static class ScaleReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(IReadOnlyList<ScalePoint> points, ScaleOptions options, string commandLine)
    {
        var table = Table(points);
        Console.WriteLine();
        Console.Write(table);
        Directory.CreateDirectory(options.OutputFolder);
        var servers = points.Where(p => p.Curve == "servers").ToList();
        var rules = points.Where(p => p.Curve == "rules").ToList();
        var charts = new List<string>();
        if (servers.Count > 0)
        {
            charts.Add(Path.Combine(options.OutputFolder, "scale-servers.png"));
            ScaleChart.Save(charts[^1], $"Cost by fleet size ({options.RulesOfServersCurve} rules per server)", "servers (log scale)", servers, p => p.Servers);
        }
        if (rules.Count > 0)
        {
            charts.Add(Path.Combine(options.OutputFolder, "scale-rules.png"));
            ScaleChart.Save(charts[^1], $"Cost by rules per server ({options.ServersOfRulesCurve:N0} servers)", "firewall rules per server (log scale)", rules, p => p.RulesPerServer);
        }
        var markdown = Path.Combine(options.OutputFolder, "scale.md");
        File.WriteAllText(markdown, string.Create(CultureInfo.InvariantCulture, $"""
            # Cost curves

            {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, `dotnet run -c Release --project loadtests/FleetSim.LoadTests -- {commandLine}`
            ({Environment.ProcessorCount} cores; {options.Rounds} round(s) of {options.Duration.TotalSeconds:0.#} s per point, {options.Concurrency} connections in flight,
            FleetSim's rounds alternated with the engine floor's on the same silo; the servers' audit logs at their default, off).

            {table}
            {string.Join("\n", charts.Select(c => $"![{Path.GetFileNameWithoutExtension(c)}]({Path.GetFileName(c)})"))}

            """));
        var json = Path.Combine(options.OutputFolder, "scale.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            date = DateTimeOffset.Now,
            command = commandLine,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            options = new { durationSeconds = options.Duration.TotalSeconds, options.Rounds, options.Concurrency },
            points = points.Select(p => new
            {
                p.Curve, p.Servers, p.RulesPerServer, p.ConnectionsPerSecond, p.FloorConnectionsPerSecond, p.RatioToFloor,
                p.ManagedBytesPerServer, p.ManagedBytesPerActiveServer, p.WorkingSetBytesPerServer, p.ProvisionSeconds,
            }),
            charts = charts.Select(Path.GetFileName),
        }, JsonOptions));
        Console.WriteLine($"wrote {markdown}, {json} and {string.Join(", ", charts)}");
    }

    private static string Table(IReadOnlyList<ScalePoint> points)
    {
        var output = new StringBuilder();
        output.Append("| curve | servers | rules/server | connections/s | engine floor/s | ratio to floor | managed KiB/server, idle | managed KiB/server, in use | working set KiB/server | provisioning s |\n");
        output.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in points)
        {
            output.Append(CultureInfo.InvariantCulture, $"| {p.Curve} | {p.Servers:N0} | {p.RulesPerServer} | {p.ConnectionsPerSecond:N0} | {p.FloorConnectionsPerSecond:N0} | {p.RatioToFloor:0.00} | {p.ManagedBytesPerServer / 1024:N1} | {p.ManagedBytesPerActiveServer / 1024:N1} | {p.WorkingSetBytesPerServer / 1024:N1} | {p.ProvisionSeconds:0.0} |\n");
        }
        return output.ToString();
    }
}

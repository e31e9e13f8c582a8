using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FleetSim.LoadTests.Scaling;

/// <summary>The figures side by side: a console table, scaling.md and scaling.json.</summary>
public static class ScalingReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly string[] Headers = ["configuration", "entry silos", "sessions/s", "connect p50 ms", "connect p99 ms", "fail", "vs 1 process", "vs embedded"];

    /// <summary>Why the figure must not be read as speed-up: every process of the run shares this machine's cores.</summary>
    public static string Caveat() =>
        $"This machine has {Environment.ProcessorCount} cores, shared by the silo processes and the load client: with more silo processes than cores "
        + "this measures clustering overhead (extra network hops between silos, membership), not speed-up.";

    public static void Write(IReadOnlyList<ScalingFigure> figures, ScalingOptions options)
    {
        var caveat = Caveat();
        Console.WriteLine();
        Console.WriteLine(Table(figures, markdown: false));
        Console.WriteLine(caveat);

        Directory.CreateDirectory(options.OutputFolder);
        var markdown = Path.Combine(options.OutputFolder, "scaling.md");
        File.WriteAllText(markdown, Markdown(figures, options, caveat));
        var json = Path.Combine(options.OutputFolder, "scaling.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            date = DateTimeOffset.Now,
            command = options.CommandLine,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            scenario = new { name = options.Scenario.Spec.Name, source = options.Scenario.Source, servers = options.Scenario.Fleet.Servers.Count },
            durationSeconds = options.Duration.TotalSeconds,
            caveat,
            configurations = figures,
        }, JsonOptions));
        Console.WriteLine($"wrote {markdown} and {json}");
    }

    private static string Markdown(IReadOnlyList<ScalingFigure> figures, ScalingOptions options, string caveat) =>
        $"""
        # Scaling: '{options.Scenario.Spec.Name}' on an embedded silo and on {string.Join(", ", options.SiloProcesses)} silo processes

        {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}, `dotnet run -c Release --project loadtests/FleetSim.LoadTests -- {options.CommandLine}`
        ({options.Scenario.Fleet.Servers.Count:N0} servers, {options.Duration.TotalSeconds:0.#} s of load per configuration, warm-up excluded).

        {caveat}

        {Table(figures, markdown: true)}
        entry silos: how many silos the client's calls entered through (each regional gateway address is a
        grain whose calls the client sends through one silo's gateway, so the scenario needs several regions).
        sessions/s: sessions that ended ok per measured second (a denial is the fleet answering, so it counts);
        connect: the login's latency; fail: errors of the simulator itself. Ratios are of sessions/s to the
        baselines measured in this same run. Each configuration's harness reports are in its folder
        ({string.Join(", ", figures.Select(f => $"`{Path.GetFileName(f.ReportFolder)}/`"))}).

        """;

    private static string Table(IReadOnlyList<ScalingFigure> figures, bool markdown)
    {
        var rows = figures.Select(Cells).Prepend(Headers).ToList();
        var output = new StringBuilder();
        if (markdown)
        {
            output.Append("| ").AppendJoin(" | ", Headers).Append(" |\n");
            output.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", Headers.Length - 1))).Append("|\n");
            foreach (var row in rows.Skip(1))
                output.Append("| ").AppendJoin(" | ", row).Append(" |\n");
            return output.ToString();
        }
        var widths = Headers.Select((_, i) => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
            output.AppendJoin("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).Append('\n');
        return output.ToString();
    }

    private static string[] Cells(ScalingFigure figure) =>
    [
        figure.Passed ? figure.Configuration : figure.Configuration + " (not passed)",
        Number(figure.EntrySilos, "0"),
        Number(figure.SessionsPerSecond, "N0"),
        Number(figure.ConnectP50Ms, "0.###"),
        Number(figure.ConnectP99Ms, "0.###"),
        Number(figure.FailCount, "N0"),
        figure.RatioToOneProcess is { } one ? Number(one, "0.00") : "-",
        figure.RatioToEmbedded is { } embedded ? Number(embedded, "0.00") : "-",
    ];

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FleetSim.LoadTests.Wire;

/// <summary>The cases side by side: a console table, wire.md and wire.json.</summary>
public static class WireReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly string[] Headers =
        ["client", "TLS", "MariaDB conn/s", "client CPU µs", "server CPU µs", "FleetSim conn/s", "client CPU µs", "server CPU µs", "FleetSim / MariaDB", "aim", "failed"];

    public static string Explanation(WireBenchOptions options) =>
        $"Connect, `select 1`, disconnect, {options.Concurrency} clients at once, no pooling; {options.SecondsPerCell:0.#} s per cell in {options.Rounds} "
        + "round(s), the two servers' rounds alternated. CPU columns are per connection: client = the load-generating process "
        + "(MySqlConnector: its own process; mariadb-slap: its user + system time), server = mariadbd, or the FleetSim process "
        + $"(embedded silo and listeners). This machine has {Environment.ProcessorCount} cores, shared by the client and the server: "
        + "the client's CPU is part of both figures.";

    public static void Write(IReadOnlyList<WireComparison> comparisons, WireBenchOptions options, WireRunFacts facts)
    {
        Console.WriteLine();
        Console.WriteLine(Table(comparisons, markdown: false));
        Console.WriteLine(Explanation(options));
        Console.WriteLine($"Load average: {facts.LoadAverageBefore} at the start, {facts.LoadAverageAfter} at the end.");

        Directory.CreateDirectory(options.OutputFolder);
        var markdown = Path.Combine(options.OutputFolder, "wire.md");
        File.WriteAllText(markdown, Markdown(comparisons, options, facts));
        var json = Path.Combine(options.OutputFolder, "wire.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            date = facts.Started,
            command = options.CommandLine,
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            loadAverage = new { before = facts.LoadAverageBefore, after = facts.LoadAverageAfter },
            mariaDbVersion = facts.MariaDbVersion,
            options = new { secondsPerCell = options.SecondsPerCell, options.Rounds, options.Concurrency, options.FleetSimOnly },
            comparisons,
        }, JsonOptions));
        Console.WriteLine($"wrote {markdown} and {json}");
    }

    private static string Markdown(IReadOnlyList<WireComparison> comparisons, WireBenchOptions options, WireRunFacts facts) =>
        $"""
        # Wire protocol: FleetSim's gateway listener against a real MariaDB server

        {facts.Started:yyyy-MM-dd HH:mm zzz}, `dotnet run -c Release --project loadtests/FleetSim.LoadTests -- {options.CommandLine}`;
        MariaDB {facts.MariaDbVersion ?? "not measured (--fleetsim-only)"}; load average {facts.LoadAverageBefore} at the start, {facts.LoadAverageAfter} at the end.

        {Table(comparisons, markdown: true)}
        {Explanation(options)} Aim (issue 12): FleetSim / MariaDB at least 1.0 with TLS, 0.7 without.

        """;

    private static string Table(IReadOnlyList<WireComparison> comparisons, bool markdown)
    {
        var rows = comparisons.Select(Cells).Prepend(Headers).ToList();
        var output = new StringBuilder();
        if (markdown)
        {
            output.Append("| ").AppendJoin(" | ", Headers).Append(" |\n");
            output.Append("|---|---").Append(string.Concat(Enumerable.Repeat("|---:", Headers.Length - 2))).Append("|\n");
            foreach (var row in rows.Skip(1))
                output.Append("| ").AppendJoin(" | ", row).Append(" |\n");
            return output.ToString();
        }
        var widths = Headers.Select((_, i) => rows.Max(row => row[i].Length)).ToArray();
        foreach (var row in rows)
            output.AppendJoin("  ", row.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).Append('\n');
        return output.ToString();
    }

    private static string[] Cells(WireComparison comparison) =>
    [
        comparison.Client,
        comparison.Tls,
        .. Figures(comparison.MariaDb),
        .. Figures(comparison.FleetSim),
        comparison.Ratio is { } ratio ? Number(ratio, "0.00") : "-",
        Number(comparison.Aim, "0.0#") + (comparison.MeetsAim switch { true => " met", false => " not met", null => "" }),
        Number(comparison.Errors, "N0"),
    ];

    private static string[] Figures(WireCell? cell) =>
        cell is null
            ? ["-", "-", "-"]
            : [Number(cell.ConnectionsPerSecond, "N0"), Optional(cell.ClientCpuMicrosecondsPerConnection), Optional(cell.ServerCpuMicrosecondsPerConnection)];

    private static string Optional(double? value) => value is { } v ? Number(v, "N0") : "-";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

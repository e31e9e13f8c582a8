using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FleetSim.Client.Output;
using Spectre.Console;

namespace FleetSim.Cli.Output;

/// <summary>Rows of named columns, printed as a table for people, JSON Lines or CSV for tools.</summary>
public sealed record Rows(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Values)
{
    public const string Formats = "table, jsonl, csv";

    public static bool IsFormat(string? format) => format is "table" or "jsonl" or "csv";

    public void Write(string format, TextWriter output)
    {
        switch (format)
        {
            case "jsonl":
                WriteJsonLines(output);
                break;
            case "csv":
                WriteCsv(output);
                break;
            default:
                WriteTable(output);
                break;
        }
    }

    private void WriteTable(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // Audit rows are wide; a pipe or a narrow default would fold every cell into slivers.
        console.Profile.Width = Console.IsOutputRedirected ? 250 : Math.Max(Console.WindowWidth, 160);
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in Columns)
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var row in Values)
            table.AddRow(row.Select(v => Markup.Escape(Text(v))).ToArray());
        console.Write(table);
        console.WriteLine($"{Values.Count} rows");
    }

    private void WriteJsonLines(TextWriter output)
    {
        using var buffer = new MemoryStream();
        foreach (var row in Values)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, DecisionLine.WriterOptions))
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(Columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case int n: json.WriteNumberValue(n); break;
                        case long n: json.WriteNumberValue(n); break;
                        case bool b: json.WriteBooleanValue(b); break;
                        default: json.WriteStringValue(Text(row[i])); break;
                    }
                }
                json.WriteEndObject();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    private void WriteCsv(TextWriter output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), true);
        csv.WriteHeader([.. Columns]);
        foreach (var row in Values)
            csv.WriteRecord([.. row.Select(Text)]);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

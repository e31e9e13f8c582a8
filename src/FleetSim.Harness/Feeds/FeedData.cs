using System.Text;
using System.Text.Json;

namespace FleetSim.Harness;

/// <summary>Loads a data feed's items from a file: a JSON array, or CSV with a header row.</summary>
public static class FeedData
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a JSON array of <typeparamref name="T"/> (property names matched case-insensitively).</summary>
    public static IReadOnlyList<T> FromJson<T>(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<List<T>>(stream, s_json)
                ?? throw new InvalidDataException($"{path}: the file holds null, not an array of items.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a JSON array of {typeof(T).Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Reads CSV (RFC 4180 quoting) whose first row names the columns; each item maps column to value.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> FromCsv(string path)
    {
        var rows = ParseCsv(File.ReadAllText(path));
        if (rows.Count == 0)
            throw new InvalidDataException($"{path}: no header row.");
        var header = rows[0];
        var items = new List<IReadOnlyDictionary<string, string>>(rows.Count - 1);
        for (int r = 1; r < rows.Count; r++)
        {
            if (rows[r].Count != header.Count)
                throw new InvalidDataException($"{path}: row {r + 1} has {rows[r].Count} fields, the header {header.Count}.");
            items.Add(header.Select((name, i) => (name, value: rows[r][i])).ToDictionary(field => field.name, field => field.value, StringComparer.Ordinal));
        }
        return items;
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, rowStarted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    rowStarted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    rowStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (rowStarted || field.Length > 0)
                    {
                        row.Add(field.ToString());
                        rows.Add(row);
                    }
                    row = [];
                    field.Clear();
                    rowStarted = false;
                    break;
                default:
                    field.Append(c);
                    rowStarted = true;
                    break;
            }
        }
        if (rowStarted || field.Length > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}

namespace FleetSim.Harness;

/// <summary>A table in plain text with aligned columns: numbers right, names left.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(System.Text.StringBuilder output, string indent = "")
    {
        var widths = headers.Select((header, i) => _rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        void Line(string[] cells)
        {
            output.Append(indent);
            for (int i = 0; i < cells.Length; i++)
            {
                var cell = i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
                output.Append(cell);
                if (i < cells.Length - 1)
                    output.Append("  ");
            }
            output.Append('\n');
        }
        Line(headers);
        foreach (var row in _rows)
            Line(row);
    }
}

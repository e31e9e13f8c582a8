using System.Globalization;
using System.Text;

namespace FleetSim.Harness;

/// <summary>Writes CSV rows (RFC 4180 quoting, invariant numbers).</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params object?[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                _text.Append(',');
            _text.Append(Cell(cells[i]));
        }
        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            double number => number.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}

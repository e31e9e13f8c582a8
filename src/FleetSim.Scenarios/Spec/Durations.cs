using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetSim.Scenarios.Spec;

/// <summary>Durations as people write them in scenario files: 250ms, 30s, 5m, 1h, 7d.</summary>
public static class Durations
{
    public const string Format = "a number with a unit: ms, s, m, h or d (e.g. 250ms, 30s, 5m)";

    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var unitStart = text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        if (unitStart == 0 || !double.TryParse(text[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        double? milliseconds = text[unitStart..] switch
        {
            "ms" => value,
            "s" => value * 1_000,
            "m" => value * 60_000,
            "h" => value * 3_600_000,
            "d" => value * 86_400_000,
            _ => null,
        };
        if (milliseconds is null || milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
            return false;
        duration = TimeSpan.FromMilliseconds(milliseconds.Value);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration: {Format}");
}

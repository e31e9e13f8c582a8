using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetSim.Policy.Spec;

/// <summary>
/// A duration in a fleet document: a whole number and one unit, s (seconds), m (minutes), h (hours)
/// or d (days): "30s", "10m", "1h", "7d". One short form, rather than also ISO 8601, so that every
/// document spells the same duration the same way.
/// </summary>
public static class SpecDuration
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    public const string Format = "a whole number and a unit s, m, h or d, such as 30s, 10m, 1h or 7d";

    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan duration)
    {
        duration = default;
        if (text is null || text.Length < 2)
            return false;
        var unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        // At most a century: enough for any setting, and far from overflowing TimeSpan.
        if (unit == TimeSpan.Zero
            || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > Longest.Ticks / unit.Ticks)
            return false;
        duration = unit * count;
        return true;
    }

    public static TimeSpan Parse(string? text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration: use {Format}");

    /// <summary>The shortest exact spelling: 7d, 90m, 45s.</summary>
    public static string ToText(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0s",
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerDay}d"),
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerHour}h"),
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / TimeSpan.TicksPerMinute}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds}s"),
    };
}

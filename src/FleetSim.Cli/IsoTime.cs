using System.Globalization;

namespace FleetSim.Cli;

/// <summary>The times options take (--since, --until): ISO 8601, UTC unless an offset is given.</summary>
public static class IsoTime
{
    /// <summary>The time, or null with a problem added that names the option and the text.</summary>
    public static DateTimeOffset? Parse(string? text, string option, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        errors.Add($"{option}: '{text}' is not a time such as 2026-11-28T10:00:00Z");
        return null;
    }
}

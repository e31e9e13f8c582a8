using System.Globalization;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Checks the fleet's internet, threatIntelligence and threatDetection sections and reports every
/// problem as "path: message", like <see cref="FleetSpecValidator"/>, which calls it. It never
/// throws on a document, whatever it holds: nulls are reported, not dereferenced.
/// </summary>
public static class ThreatSpecValidator
{
    public static IEnumerable<string> Validate(FleetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        ValidateRanges("internet", spec.Internet, r => r?.Range, errors);
        ValidateRanges("threatIntelligence", spec.ThreatIntelligence, t => t?.Range, errors);
        ValidateDetection(spec.ThreatDetection, errors);
        return errors;
    }

    // Overlapping ranges are allowed (the narrowest describes an address); the same range twice is a slip.
    private static void ValidateRanges<T>(string path, List<T>? items, Func<T?, string?> range, List<string> errors) where T : class
    {
        if (items is null)
        {
            errors.Add($"{path}: must not be null; use [] for none");
            return;
        }
        var seen = new Dictionary<Ipv4Range, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (items[i] is null)
            {
                errors.Add($"{at}: must not be null");
                continue;
            }
            var text = range(items[i]);
            if (string.IsNullOrWhiteSpace(text))
                errors.Add($"{at}.range: is required");
            else if (!Ipv4RangeText.TryParse(text, out var parsed))
                errors.Add($"{at}.range: '{text}' is not {Ipv4RangeText.Format}");
            else if (!seen.TryAdd(parsed, i))
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.range: '{text}' is already described by {path}[{seen[parsed]}]"));
        }
    }

    private static void ValidateDetection(ThreatDetectionSpec? detection, List<string> errors)
    {
        const string path = "threatDetection";
        if (detection is null)
        {
            errors.Add($"{path}: must not be null; leave it out for the defaults");
            return;
        }
        ValidateDuration($"{path}.learningPeriod", detection.LearningPeriod, allowZero: true, errors);
        ValidateDuration($"{path}.bruteForceWindow", detection.BruteForceWindow, allowZero: false, errors);
        ValidateDuration($"{path}.alertSuppression", detection.AlertSuppression, allowZero: true, errors);
        if (detection.BruteForceThreshold <= 0)
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.bruteForceThreshold: '{detection.BruteForceThreshold}' must be a positive number of failed logins"));

        if (detection.HarmfulApplications is not { } applications)
        {
            errors.Add($"{path}.harmfulApplications: must not be null; use [] for none");
            return;
        }
        for (var i = 0; i < applications.Count; i++)
        {
            var name = applications[i];
            // Only a program's first word is compared, so a name with a space could never match.
            if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace) || name.IndexOfAny(['/', '(', ';', '#']) >= 0)
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.harmfulApplications[{i}]: '{name}' is not a program name: one word such as sqlmap, without a version"));
        }
    }

    private static void ValidateDuration(string path, string? text, bool allowZero, List<string> errors)
    {
        if (text is null)
            errors.Add($"{path}: is required: {SpecDuration.Format}");
        else if (!SpecDuration.TryParse(text, out var duration))
            errors.Add($"{path}: '{text}' is not a duration: use {SpecDuration.Format}");
        else if (duration == TimeSpan.Zero && !allowZero)
            errors.Add($"{path}: '{text}' must be longer than zero");
    }
}

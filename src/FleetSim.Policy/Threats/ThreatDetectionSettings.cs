using System.Buffers;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>The fleet's <see cref="ThreatDetectionSpec"/>, compiled: durations parsed, tool names in a set.</summary>
public sealed class ThreatDetectionSettings
{
    // What ends a program's name and starts its version or options.
    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" /\t(;#");

    private readonly HashSet<string> _harmful;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _harmfulBySpan;

    public ThreatDetectionSettings(TimeSpan learningPeriod, int bruteForceThreshold, TimeSpan bruteForceWindow,
        IEnumerable<string> harmfulApplications, TimeSpan alertSuppression)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bruteForceThreshold);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bruteForceWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(learningPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(alertSuppression, TimeSpan.Zero);
        LearningPeriod = learningPeriod;
        BruteForceThreshold = bruteForceThreshold;
        BruteForceWindow = bruteForceWindow;
        AlertSuppression = alertSuppression;
        _harmful = new HashSet<string>(harmfulApplications, StringComparer.OrdinalIgnoreCase);
        _harmfulBySpan = _harmful.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>FleetSim's defaults: learn 7 days, 10 failures in 10 minutes, the usual tools, 1 hour between repeats.</summary>
    public static ThreatDetectionSettings Default { get; } = FromSpec(new ThreatDetectionSpec());

    public TimeSpan LearningPeriod { get; }

    public int BruteForceThreshold { get; }

    public TimeSpan BruteForceWindow { get; }

    public TimeSpan AlertSuppression { get; }

    public IReadOnlySet<string> HarmfulApplications => _harmful;

    /// <summary>From a validated document.</summary>
    public static ThreatDetectionSettings FromSpec(ThreatDetectionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ThreatDetectionSettings(SpecDuration.Parse(spec.LearningPeriod), spec.BruteForceThreshold,
            SpecDuration.Parse(spec.BruteForceWindow), spec.HarmfulApplications, SpecDuration.Parse(spec.AlertSuppression));
    }

    /// <summary>
    /// True when the program name's first word is a listed tool: clients send names such as
    /// "sqlmap/1.8.2#stable" or "Hydra v9.5", so the version is not compared.
    /// </summary>
    public bool IsHarmful(string? app)
    {
        if (string.IsNullOrEmpty(app))
            return false;
        var name = app.AsSpan().Trim();
        var end = name.IndexOfAny(NameEnd);
        return _harmfulBySpan.Contains(end < 0 ? name : name[..end]);
    }
}

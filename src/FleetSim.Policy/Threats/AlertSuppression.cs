using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>
/// Keeps the same alert about the same subject from repeating within the suppression period: an
/// attack of a thousand failures is one alert an hour, not a thousand. Bounded like the other state.
/// </summary>
internal sealed class AlertSuppression(TimeSpan period, int maxEntries)
{
    private readonly Dictionary<(ThreatAlertKind Kind, string Subject, string? Detail), long> _until = [];

    public IEnumerable<SuppressionState> Entries =>
        _until.Select(e => new SuppressionState(e.Key.Kind, e.Key.Subject, e.Key.Detail, Time.FromTicks(e.Value)));

    /// <summary>True when the alert may be raised now; it then suppresses its repeats.</summary>
    public bool TryRaise(ThreatAlertKind kind, string subject, string? detail, long now)
    {
        var key = (kind, subject, detail);
        if (_until.TryGetValue(key, out var until) && now < until)
            return false;
        if (period <= TimeSpan.Zero)
            return true;
        if (_until.Count >= maxEntries && !_until.ContainsKey(key))
            Evict(now);
        _until[key] = now + period.Ticks;
        return true;
    }

    public void Restore(SuppressionState entry) => _until[(entry.Kind, entry.Subject, entry.Detail)] = entry.Until.UtcTicks;

    private void Evict(long now)
    {
        foreach (var (key, until) in _until)
        {
            if (until <= now)
                _until.Remove(key);
        }
        if (_until.Count < maxEntries)
            return;
        foreach (var key in _until.OrderBy(e => e.Value).Take(Math.Max(1, _until.Count / 2)).Select(e => e.Key).ToList())
            _until.Remove(key);
    }
}

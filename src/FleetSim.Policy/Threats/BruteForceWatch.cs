namespace FleetSim.Policy.Threats;

/// <summary>
/// The addresses with recent failed logins to a server. Bounded: when <see cref="MaxSources"/>
/// addresses are watched, those quiet for longer than the window (and not under a detected attack)
/// go first, then the least recently seen half, so a spray from many addresses cannot exhaust memory.
/// </summary>
internal sealed class BruteForceWatch(int threshold, TimeSpan window, int maxSources)
{
    /// <summary>How long a detected attack waits for its "successful brute force".</summary>
    public static readonly TimeSpan SuccessHorizon = TimeSpan.FromDays(1);

    private readonly Dictionary<string, FailureSource> _sources = new(StringComparer.Ordinal);

    public int MaxSources => maxSources;

    public int Count => _sources.Count;

    public IEnumerable<FailureSource> Sources => _sources.Values;

    /// <summary>Records a failure; returns the source when it makes (or continues) an attack.</summary>
    public FailureSource? Failure(long at, string ip, string user, bool userExists)
    {
        if (!_sources.TryGetValue(ip, out var source))
        {
            if (_sources.Count >= maxSources)
                Evict(at);
            _sources[ip] = source = new FailureSource(ip, threshold);
        }
        source.AddFailure(at, user, userExists);
        if (!source.ThresholdReached(at, window.Ticks))
            return null;
        source.AttackDetectedAt = at;
        return source;
    }

    /// <summary>On a successful login: the source, forgotten now, when an attack from it was detected recently.</summary>
    public FailureSource? Success(long at, string ip)
    {
        if (!_sources.Remove(ip, out var source))
            return null;
        return source.AttackDetectedAt is { } detected && at - detected <= SuccessHorizon.Ticks ? source : null;
    }

    public void Restore(FailureSource source) => _sources[source.Ip] = source;

    private void Evict(long now)
    {
        foreach (var (ip, source) in _sources)
        {
            var attackOver = source.AttackDetectedAt is not { } detected || now - detected > SuccessHorizon.Ticks;
            if (attackOver && now - source.LastSeen > window.Ticks)
                _sources.Remove(ip);
        }
        if (_sources.Count < maxSources)
            return;
        foreach (var stale in _sources.Values.OrderBy(s => s.LastSeen).Take(Math.Max(1, _sources.Count / 2)).ToList())
            _sources.Remove(stale.Ip);
    }
}

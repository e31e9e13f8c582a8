namespace FleetSim.Policy.Threats;

/// <summary>
/// One address's recent failed logins to one server: a ring of the last threshold failure times,
/// so memory per address is fixed however long an attack runs.
/// </summary>
internal sealed class FailureSource(string ip, int threshold)
{
    private readonly long[] _failures = new long[threshold];
    private int _next;
    private int _count;

    public string Ip { get; } = ip;

    public long LastSeen { get; private set; }

    public long? AttackDetectedAt { get; set; }

    public string? ExistingUser { get; private set; }

    public string? LastUser { get; private set; }

    public void AddFailure(long at, string user, bool userExists)
    {
        _failures[_next] = at;
        _next = (_next + 1) % _failures.Length;
        _count = Math.Min(_count + 1, _failures.Length);
        LastSeen = Math.Max(LastSeen, at);
        LastUser = user;
        if (userExists)
            ExistingUser = user;
    }

    /// <summary>True when the last threshold failures all fall within the window ending at <paramref name="now"/>.</summary>
    public bool ThresholdReached(long now, long window) =>
        _count == _failures.Length && _failures[_next] > now - window;

    /// <summary>Failure times, oldest first.</summary>
    public IEnumerable<long> Failures()
    {
        var first = _count == _failures.Length ? _next : 0;
        for (var i = 0; i < _count; i++)
            yield return _failures[(first + i) % _failures.Length];
    }

    public static FailureSource Restore(SourceState state, int threshold)
    {
        var source = new FailureSource(state.Ip, threshold) { AttackDetectedAt = state.AttackDetectedAt?.UtcTicks };
        // Beyond the threshold only the newest failures matter.
        foreach (var failure in state.RecentFailures.Skip(Math.Max(0, state.RecentFailures.Count - threshold)))
            source.AddFailure(failure.UtcTicks, state.LastUser ?? "", userExists: false);
        source.ExistingUser = state.ExistingUser;
        source.LastUser = state.LastUser;
        source.LastSeen = state.LastSeen.UtcTicks;
        return source;
    }

    public SourceState Export() => new(Ip, [.. Failures().Select(Time.FromTicks)], Time.FromTicks(LastSeen),
        AttackDetectedAt is { } at ? Time.FromTicks(at) : null, ExistingUser, LastUser);
}

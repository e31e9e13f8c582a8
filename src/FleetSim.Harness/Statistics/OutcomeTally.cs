namespace FleetSim.Harness;

/// <summary>
/// Counts outcomes by status code ("OK", "FirewallDenied"). The last entry hit is kept so that the
/// usual case, the same status again, costs a reference comparison instead of a hash lookup.
/// Not thread-safe: one writer at a time.
/// </summary>
internal sealed class OutcomeTally
{
    private readonly Dictionary<(string Status, bool IsError), Entry> _entries = [];
    private Entry? _last;

    public void Record(string status, bool isError, long count = 1)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Status, status) && last.IsError == isError)
        {
            last.Count += count;
            return;
        }
        if (!_entries.TryGetValue((status, isError), out var entry))
        {
            entry = new Entry(status, isError);
            _entries.Add((status, isError), entry);
        }
        entry.Count += count;
        _last = entry;
    }

    public void Add(OutcomeTally other)
    {
        foreach (var entry in other._entries.Values)
        {
            if (entry.Count > 0)
                Record(entry.Status, entry.IsError, entry.Count);
        }
    }

    /// <summary>Zeroes the counts but keeps the entries: the same statuses come back next interval.</summary>
    public void Reset()
    {
        foreach (var entry in _entries.Values)
            entry.Count = 0;
    }

    /// <summary>The non-zero counts, most frequent first.</summary>
    public IReadOnlyList<OutcomeCount> ToList() =>
        [.. _entries.Values
            .Where(entry => entry.Count > 0)
            .Select(entry => new OutcomeCount(entry.Status, entry.IsError, entry.Count))
            .OrderByDescending(outcome => outcome.Count)
            .ThenBy(outcome => outcome.StatusCode, StringComparer.Ordinal)];

    private sealed class Entry(string status, bool isError)
    {
        public string Status { get; } = status;

        public bool IsError { get; } = isError;

        public long Count { get; set; }
    }
}

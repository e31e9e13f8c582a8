namespace FleetSim.Policy.Threats;

/// <summary>
/// The values of one kind (users, domains, ...) a server has seen. Bounded: past
/// <see cref="MaxValues"/> a new value is no longer remembered, so it keeps alerting, at most once
/// per suppression period.
/// </summary>
internal sealed class Baseline(StringComparer comparer, int maxValues)
{
    private readonly HashSet<string> _values = new(comparer);

    public int MaxValues => maxValues;

    public IEnumerable<string> Values => _values;

    /// <summary>True when the value is new; it is remembered if there is room.</summary>
    public bool Learn(string value)
    {
        if (_values.Contains(value))
            return false;
        if (_values.Count < maxValues)
            _values.Add(value);
        return true;
    }

    public void Restore(IEnumerable<string> values)
    {
        foreach (var value in values.Take(maxValues))
            _values.Add(value);
    }
}

namespace FleetSim.Policy.Changes;

/// <summary>A server's lists of named resources (rules, private endpoint connections), changed by name.</summary>
internal static class NamedItems
{
    /// <summary>Replaces the item of that name in place, or adds it at the end: az's create, which also replaces.</summary>
    public static List<T> Put<T>(List<T> items, Func<T, string?> nameOf, T item, string name)
    {
        var result = new List<T>(items);
        var index = result.FindIndex(i => ResourceNames.Same(nameOf(i), name));
        if (index < 0)
            result.Add(item);
        else
            result[index] = item;
        return result;
    }

    /// <summary>The list without the item of that name; null when there is none.</summary>
    public static List<T>? Without<T>(List<T> items, Func<T, string?> nameOf, string name)
    {
        var index = items.FindIndex(i => ResourceNames.Same(nameOf(i), name));
        if (index < 0)
            return null;
        var result = new List<T>(items);
        result.RemoveAt(index);
        return result;
    }
}

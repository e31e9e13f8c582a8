namespace FleetSim.Policy.Validation;

/// <summary>Finds the name a typo most likely meant, for "did you mean" hints.</summary>
internal static class Spelling
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = string.Equals(typed, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(typed, candidate);
            if (distance < bestDistance)
                (best, bestDistance) = (candidate, distance);
        }
        // Beyond two edits a suggestion is more often noise than help.
        return bestDistance <= Math.Min(2, typed.Length / 2) ? best : null;
    }

    // Levenshtein distance: the fewest insertions, deletions and substitutions from a to b.
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

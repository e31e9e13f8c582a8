namespace FleetSim.LoadTests.Bench;

/// <summary>The figure reported for several rounds: the median, which one disturbed round cannot move.</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

namespace FleetSim.Harness;

/// <summary>The final figures, one row per scenario, step and "all" (Locust's _stats.csv, with NBomber's percentiles). Latencies in ms.</summary>
internal static class CsvStatsReport
{
    public static string Render(RunResult result)
    {
        var csv = new Csv().Row("Scenario", "Step", "Request Count", "Failure Count", "Dropped Count", "Requests/s", "Failures/s",
            "Min", "Average", "Median", "75%", "95%", "99%", "99.9%", "Max", "StdDev", "Bytes");
        foreach (var scenario in result.Scenarios)
        {
            Row(csv, scenario.Totals, scenario.DroppedCount);
            foreach (var step in scenario.Steps)
                Row(csv, step, 0);
        }
        Row(csv, result.All, result.DroppedCount);
        return csv.ToString();
    }

    private static void Row(Csv csv, CallStats stats, long dropped)
    {
        var failuresPerSecond = stats.Duration > TimeSpan.Zero ? stats.FailCount / stats.Duration.TotalSeconds : 0;
        var ok = stats.Ok;
        csv.Row(stats.Scenario, stats.Step, stats.Count, stats.FailCount, dropped, stats.Rps, failuresPerSecond,
            ok.MinMs, ok.MeanMs, ok.P50Ms, ok.P75Ms, ok.P95Ms, ok.P99Ms, ok.P999Ms, ok.MaxMs, ok.StdDevMs, stats.Bytes);
    }
}

namespace FleetSim.Harness;

/// <summary>
/// One row per reporting interval per series, as Locust's _stats_history.csv: the interval's rate and
/// percentiles, then the running totals. Latencies in ms of ok calls.
/// </summary>
internal static class CsvHistoryReport
{
    public static string Render(RunResult result)
    {
        var csv = new Csv().Row("Timestamp", "Elapsed", "Scenario", "Step", "Active Copies", "Requests/s", "Failures/s",
            "Dropped", "Late", "50%", "75%", "95%", "99%", "99.9%", "100%",
            "Total Request Count", "Total Failure Count", "Total Median Response Time", "Total Average Response Time",
            "Total Min Response Time", "Total Max Response Time");
        foreach (var row in result.History)
        {
            var latency = row.Latency;
            var total = row.TotalLatency;
            csv.Row(row.Timestamp.ToUnixTimeSeconds(), row.End.TotalSeconds, row.Scenario, row.Step, row.ActiveCopies, row.Rps,
                row.FailuresPerSecond, row.DroppedCount, row.LateCount, latency.P50Ms, latency.P75Ms, latency.P95Ms, latency.P99Ms,
                latency.P999Ms, latency.MaxMs, row.TotalOkCount + row.TotalFailCount, row.TotalFailCount, total.P50Ms, total.MeanMs,
                total.MinMs, total.MaxMs);
        }
        return csv.ToString();
    }
}

namespace FleetSim.Harness;

/// <summary>
/// Every outcome by reason, one row per scenario or step and status code (as Locust's _failures.csv,
/// with the ok outcomes too): the table the other formats show under "Outcomes by reason".
/// </summary>
internal static class CsvOutcomesReport
{
    public static string Render(RunResult result)
    {
        var csv = new Csv().Row("Scenario", "Step", "Status", "Result", "Count", "Share");
        foreach (var stats in result.Scenarios.SelectMany(scenario => scenario.Steps.Prepend(scenario.Totals)))
        {
            foreach (var outcome in stats.Outcomes)
                csv.Row(stats.Scenario, stats.Step, outcome.StatusCode, outcome.IsError ? "fail" : "ok", outcome.Count,
                    stats.Count == 0 ? 0d : (double)outcome.Count / stats.Count);
        }
        return csv.ToString();
    }
}

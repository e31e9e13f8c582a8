namespace FleetSim.Harness;

/// <summary>
/// Plain lines for logs and CI, where a live table would be a mess of escape codes: one line per
/// scenario per tick, then the summary.
/// </summary>
internal sealed class PlainConsoleView(TextWriter output) : IRunView
{
    public void Start(string testName, TimeSpan? planned) =>
        output.WriteLine($"run '{testName}' started{(planned is { } total ? $", planned {ProgressText.Clock(total)}" : "")}");

    public void Update(ProgressSnapshot snapshot)
    {
        foreach (var scenario in snapshot.Scenarios)
        {
            output.WriteLine(
                $"[{ProgressText.Elapsed(snapshot.Elapsed, snapshot.Planned)}] {scenario.Name} {ProgressText.State(scenario)}: " +
                $"{ProgressText.Rate(scenario.CurrentRps)}, p99 {ProgressText.Milliseconds(scenario.CurrentP99Ms)}, " +
                $"ok {ProgressText.Count(scenario.OkCount)}, fail {ProgressText.Count(scenario.FailCount)}, " +
                $"dropped {ProgressText.Count(scenario.DroppedCount)}, copies {scenario.ActiveCopies}" +
                (scenario.Outcomes.Count > 0 ? $" | {ProgressText.Outcomes(scenario.Outcomes)}" : ""));
        }
        if (snapshot.AbortReason is { } reason)
            output.WriteLine($"stopping: {reason}");
        output.Flush();
    }

    public Task FinishAsync(RunResult result)
    {
        output.WriteLine();
        output.Write(result.FormatSummary());
        output.Flush();
        return Task.CompletedTask;
    }
}

namespace FleetSim.Harness.Tests.Console;

public class PlainConsoleViewTests
{
    [Fact]
    public void A_tick_prints_one_line_per_scenario_with_rate_p99_outcomes_and_copies()
    {
        using var output = new StringWriter();
        var view = new PlainConsoleView(output);
        var connect = new ScenarioProgress("connect", WarmingUp: false, Finished: false, ActiveCopies: 12, CurrentRps: 1000, CurrentP99Ms: 8.123,
            OkCount: 5000, FailCount: 30, DroppedCount: 2, Outcomes: [new OutcomeCount("OK", false, 5000), new OutcomeCount("FirewallDenied", true, 30)]);

        view.Update(new ProgressSnapshot(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), [connect], AbortReason: null));

        Assert.Equal(
            "[00:05 / 00:30] connect running: 1,000/s, p99 8.12 ms, ok 5,000, fail 30, dropped 2, copies 12 | OK 5,000 · FirewallDenied 30",
            output.ToString().TrimEnd());
    }
}

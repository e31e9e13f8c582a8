using Microsoft.Extensions.Time.Testing;
using FleetSim.Harness.Tests.Running;

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

    [Fact]
    public void A_finished_scenario_with_sessions_still_open_says_it_is_draining_them()
    {
        using var output = new StringWriter();
        var view = new PlainConsoleView(output);
        var connect = new ScenarioProgress("connect", WarmingUp: false, Finished: true, ActiveCopies: 3, CurrentRps: 0, CurrentP99Ms: double.NaN,
            OkCount: 5000, FailCount: 0, DroppedCount: 0, Outcomes: [], Draining: 3);

        view.Update(new ProgressSnapshot(TimeSpan.FromSeconds(31), TimeSpan.FromSeconds(30), [connect], AbortReason: null));

        Assert.StartsWith("[00:31 / 00:30] connect draining (3 sessions): ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_its_duration_a_run_says_draining_while_held_sessions_end_then_done()
    {
        // One session is held for 3 s in a run planned for 1 s: the run waits for it to end.
        var time = new FakeTimeProvider();
        var scenario = Scenario.Create("hold", async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3), time, context.CancellationToken);
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromSeconds(1)));
        using var output = new StringWriter();

        await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario).WithTestName("drain"), time: time, console: output);

        var states = output.ToString().Split('\n').Where(line => line.StartsWith('[')).Select(State).ToList();
        Assert.Contains("draining (1 session)", states);
        Assert.Equal("done", states[^1]);
        Assert.DoesNotContain("done", states.TakeWhile(state => state != "draining (1 session)"));
    }

    /// <summary>"[00:02 / 00:01] hold draining (1 session): 0.0/s, ..." gives "draining (1 session)".</summary>
    private static string State(string line)
    {
        var start = line.IndexOf("] hold ", StringComparison.Ordinal) + "] hold ".Length;
        return line[start..line.IndexOf(':', start)];
    }
}

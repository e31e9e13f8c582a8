namespace FleetSim.Harness.Tests.Running;

public class MultipleScenariosTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Scenarios_run_at_the_same_time_and_all_adds_them_up()
    {
        var connect = Scenario.Create("connect", _ => ValueTask.FromResult(Response.Ok()))
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: Second, during: TimeSpan.FromSeconds(2)));
        var query = Scenario.Create("query", _ => ValueTask.FromResult(Response.Fail("Timeout")))
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 5, interval: Second, during: TimeSpan.FromSeconds(2)));

        var result = await FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(connect, query)
            .WithThresholds("connect.fail.rate < 0.01", "query.fail.rate >= 1", "all.fail.count >= 10"));

        Assert.Equal(["connect", "query"], result.Scenarios.Select(s => s.Name));
        Assert.Equal(20, result.All.OkCount);
        Assert.Equal(10, result.All.FailCount);
        Assert.True(result.Passed);
        Assert.Contains(result.History, row => row.Scenario == "connect");
        Assert.Contains(result.History, row => row.Scenario == "query");
        // Both ran over the same two seconds, not one after the other.
        Assert.True(result.Duration < TimeSpan.FromSeconds(3), $"ran {result.Duration} of fake time");
    }

    [Fact]
    public async Task Summary_notes_from_the_host_reach_the_result()
    {
        var connect = Scenario.Create("connect", _ => ValueTask.FromResult(Response.Ok()))
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 10));

        var result = await LoadRunner.Create().RegisterScenarios(connect).WithConsole(ConsoleMode.Off)
            .WithSummaryNotes(() => [new SummaryNote("audit records written", "10")])
            .RunAsync(TestContext.Current.CancellationToken);
        result.AddNote("grains activated", "3");

        Assert.Equal(["audit records written", "grains activated"], result.Notes.Select(note => note.Label));
        Assert.Contains("audit records written: 10", result.FormatSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_and_clean_run_once_around_the_run()
    {
        var events = new List<string>();
        var connect = Scenario.Create("connect", _ =>
            {
                lock (events)
                    events.Add("run");
                return ValueTask.FromResult(Response.Ok());
            })
            .WithInit(context =>
            {
                events.Add($"init {context.ScenarioName}");
                return Task.CompletedTask;
            })
            .WithClean(_ =>
            {
                events.Add("clean");
                return Task.CompletedTask;
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 2));

        await LoadRunner.Create().RegisterScenarios(connect).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["init connect", "run", "run", "clean"], events);
    }

    [Fact]
    public async Task A_failing_init_starts_no_scenario_and_aborts()
    {
        long calls = 0;
        var connect = Scenario.Create("connect", _ =>
            {
                Interlocked.Increment(ref calls);
                return ValueTask.FromResult(Response.Ok());
            })
            .WithInit(_ => throw new InvalidOperationException("no silo"))
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 2));

        var result = await LoadRunner.Create().RegisterScenarios(connect).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, calls);
        Assert.Contains("init of scenario 'connect' failed", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }
}

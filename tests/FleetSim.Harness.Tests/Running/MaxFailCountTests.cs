namespace FleetSim.Harness.Tests.Running;

public class MaxFailCountTests
{
    [Fact]
    public async Task More_failures_than_the_max_fail_count_abort_the_run()
    {
        var scenario = Scenario.Create("failing", async _ =>
            {
                await Task.Yield();
                return Response.Fail("Boom");
            })
            .WithMaxFailCount(5)
            .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromMinutes(5)));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off)
            .RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result.Aborted);
        Assert.Contains("failed more than 5 times (max fail count)", result.AbortReason, StringComparison.Ordinal);
        Assert.True(result.Scenario("failing").Totals.FailCount >= 6);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Failures_within_the_max_fail_count_do_not_abort()
    {
        long calls = 0;
        var scenario = Scenario.Create("some-failing", _ =>
                ValueTask.FromResult(Interlocked.Increment(ref calls) % 10 == 0 ? Response.Fail("Boom") : Response.Ok()))
            .WithMaxFailCount(5)
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 50));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        Assert.False(result.Aborted);
        Assert.Equal(5, result.Scenario("some-failing").Totals.FailCount);
    }
}

namespace FleetSim.Harness.Tests.Running;

public class GracefulStopTests
{
    [Fact]
    public async Task A_hung_iteration_is_cancelled_and_abandoned_after_the_graceful_stop()
    {
        var cancelled = new TaskCompletionSource();
        var scenario = Scenario.Create("hung", async context =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    cancelled.TrySetResult();
                    throw;
                }
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.KeepConstant(copies: 1, during: TimeSpan.FromMilliseconds(200)));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off)
            .WithGracefulStopTimeout(TimeSpan.FromMilliseconds(100))
            .RunAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Contains(result.Notes, note => note.Label == "hung: abandoned" && note.Value.StartsWith("1 iterations", StringComparison.Ordinal));
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(result.Aborted); // the run ran its course; the hang is a note, not an abort
    }
}

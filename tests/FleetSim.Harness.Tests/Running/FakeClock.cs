using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FleetSim.Harness.Tests.Running;

/// <summary>
/// Runs a load test on a fake clock: the test moves time forward in small steps and gives the
/// harness's threads a real moment between steps. Schedules, latencies and intervals then depend
/// on the fake clock only, so a test can state exact counts and lower bounds on latency without
/// asserting anything about the machine's speed.
/// </summary>
internal static class FakeClock
{
    public static async Task<RunResult> RunAsync(LoadRunner runner, TimeSpan? step = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider();
        var advance = step ?? TimeSpan.FromMilliseconds(5);
        var run = runner.WithTimeProvider(time).WithConsole(ConsoleMode.Off).RunAsync();
        var limit = Stopwatch.StartNew();
        while (!run.IsCompleted)
        {
            time.Advance(advance);
            await Task.Delay(1);
            if (limit.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("The fake-clock run did not finish within 30 real seconds.");
        }
        return await run;
    }
}

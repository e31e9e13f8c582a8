using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FleetSim.Harness.Tests.Running;

/// <summary>
/// Runs a load test on a fake clock: the test moves time forward in small steps and lets the
/// harness's threads catch up between steps. Schedules, latencies and intervals then depend on the
/// fake clock only, so a test can state exact counts and bounds on latency without asserting
/// anything about the machine's speed.
/// </summary>
internal static class FakeClock
{
    /// <param name="console">Where the plain view writes its lines; no view without it.</param>
    public static async Task<RunResult> RunAsync(LoadRunner runner, TimeSpan? step = null, FakeTimeProvider? time = null, TextWriter? console = null)
    {
        time ??= new FakeTimeProvider();
        var advance = step ?? TimeSpan.FromMilliseconds(10);
        runner = console is null ? runner.WithConsole(ConsoleMode.Off) : runner.WithPlainConsole(console);
        var run = runner.WithTimeProvider(time).RunAsync(TestContext.Current.CancellationToken);
        var limit = Stopwatch.StartNew();
        while (!run.IsCompleted)
        {
            time.Advance(advance);
            // On a busy machine the harness may lag the clock; wait (a little) for the thread pool's
            // queue to drain so that fake time does not run ahead of the work it schedules.
            var settle = Stopwatch.StartNew();
            do
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }
            while (ThreadPool.PendingWorkItemCount > 0 && settle.ElapsedMilliseconds < 10);
            if (limit.Elapsed > TimeSpan.FromSeconds(40))
                throw new TimeoutException("The fake-clock run did not finish within 40 real seconds.");
        }
        return await run;
    }

    /// <summary>
    /// The scenario with an open model that never drops a start, for tests that count every
    /// iteration: a machine slow for a moment must not change the count.
    /// </summary>
    public static Scenario NeverDropping(this Scenario scenario) =>
        scenario.WithOpenModelLimits(maxConcurrentCopies: 10_000, maxStartDelay: TimeSpan.FromHours(1), lateAfter: TimeSpan.FromHours(1));
}

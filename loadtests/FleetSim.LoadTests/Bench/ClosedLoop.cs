using System.Diagnostics;

namespace FleetSim.LoadTests.Bench;

/// <summary>
/// A fixed number of workers, each starting its next operation when the last one finished, for a
/// fixed time: the way engine floors are measured, so FleetSim and its floor meet the same driver.
/// </summary>
public static class ClosedLoop
{
    public static async Task<double> OperationsPerSecond(int concurrency, TimeSpan duration, Func<int, Task> operation)
    {
        long completed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var local = 0L;
            for (var i = worker; stopwatch.Elapsed < duration; i += concurrency)
            {
                await operation(i);
                local++;
            }
            Interlocked.Add(ref completed, local);
        }));
        await Task.WhenAll(workers);
        return completed / stopwatch.Elapsed.TotalSeconds;
    }
}

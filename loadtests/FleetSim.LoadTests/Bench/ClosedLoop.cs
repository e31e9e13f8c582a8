using System.Diagnostics;

namespace FleetSim.LoadTests.Bench;

/// <summary>
/// A fixed number of workers, each starting its next operation when the last one finished, for a
/// fixed time: the way engine floors are measured, so FleetSim and its floor meet the same driver.
/// </summary>
public static class ClosedLoop
{
    public static async Task<double> OperationsPerSecond(int concurrency, TimeSpan duration, Func<int, Task> operation) =>
        (await Measure(concurrency, duration, operation)).PerSecond;

    /// <summary>The rate, and what the whole process allocated and collected meanwhile, per operation.</summary>
    public static async Task<LoopFigures> Measure(int concurrency, TimeSpan duration, Func<int, Task> operation)
    {
        long completed = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var collections = GC.CollectionCount(0);
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
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var operations = Math.Max(1, completed);
        return new LoopFigures(completed / seconds,
            (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)operations,
            (GC.CollectionCount(0) - collections) * 10_000.0 / operations);
    }
}

/// <param name="BytesPerOperation">Bytes the process allocated per operation (silo, client and harness together).</param>
/// <param name="CollectionsPer10k">Garbage collections (all generations) per 10,000 operations.</param>
public sealed record LoopFigures(double PerSecond, double BytesPerOperation, double CollectionsPer10k);

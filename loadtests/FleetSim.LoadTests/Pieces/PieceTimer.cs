using System.Diagnostics;

namespace FleetSim.LoadTests.Pieces;

/// <summary>
/// Times one piece of a connection's work on one thread: a warm-up, then rounds of a fixed number
/// of operations; the median round gives nanoseconds per operation.
/// </summary>
public static class PieceTimer
{
    public static double NanosecondsPerOperation(int operations, int rounds, Action<int> operation)
    {
        for (var i = 0; i < Math.Max(1, operations / 10); i++)
            operation(i);
        var perRound = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < operations; i++)
                operation(i);
            perRound.Add(stopwatch.Elapsed.TotalNanoseconds / operations);
        }
        return Bench.Medians.Of(perRound);
    }
}

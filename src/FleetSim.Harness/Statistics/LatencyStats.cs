namespace FleetSim.Harness;

/// <summary>Latency of a set of calls, in milliseconds; percentiles from an HdrHistogram (3 significant digits).</summary>
/// <param name="Count">How many calls.</param>
/// <param name="MinMs">The fastest.</param>
/// <param name="MeanMs">The mean.</param>
/// <param name="MaxMs">The slowest.</param>
/// <param name="StdDevMs">The standard deviation.</param>
/// <param name="P50Ms">The median.</param>
/// <param name="P75Ms">The 75th percentile.</param>
/// <param name="P95Ms">The 95th percentile.</param>
/// <param name="P99Ms">The 99th percentile.</param>
/// <param name="P999Ms">The 99.9th percentile.</param>
public sealed record LatencyStats(
    long Count,
    double MinMs,
    double MeanMs,
    double MaxMs,
    double StdDevMs,
    double P50Ms,
    double P75Ms,
    double P95Ms,
    double P99Ms,
    double P999Ms)
{
    /// <summary>No calls: every figure 0.</summary>
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

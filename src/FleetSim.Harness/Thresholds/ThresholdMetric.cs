namespace FleetSim.Harness;

/// <summary>What a threshold measures. Latencies are of successful calls.</summary>
public enum ThresholdMetric
{
    /// <summary>Median latency, "p50".</summary>
    P50,

    /// <summary>"p75".</summary>
    P75,

    /// <summary>"p95".</summary>
    P95,

    /// <summary>"p99".</summary>
    P99,

    /// <summary>"p99.9".</summary>
    P999,

    /// <summary>Slowest call, "max".</summary>
    Max,

    /// <summary>Mean latency, "mean".</summary>
    Mean,

    /// <summary>Calls (ok and failed) per second, "rps".</summary>
    Rps,

    /// <summary>Share of calls that failed, 0 to 1 (or a percentage with %), "fail.rate".</summary>
    FailRate,

    /// <summary>Failed calls, "fail.count".</summary>
    FailCount,

    /// <summary>Successful calls, "ok.count".</summary>
    OkCount,

    /// <summary>Open-model iterations dropped, "dropped.count".</summary>
    DroppedCount,
}

/// <summary>The metrics' names in threshold expressions.</summary>
internal static class ThresholdMetricNames
{
    private static readonly (ThresholdMetric Metric, string Name)[] s_names =
    [
        (ThresholdMetric.P50, "p50"), (ThresholdMetric.P75, "p75"), (ThresholdMetric.P95, "p95"),
        (ThresholdMetric.P99, "p99"), (ThresholdMetric.P999, "p99.9"), (ThresholdMetric.Max, "max"),
        (ThresholdMetric.Mean, "mean"), (ThresholdMetric.Rps, "rps"), (ThresholdMetric.FailRate, "fail.rate"),
        (ThresholdMetric.FailCount, "fail.count"), (ThresholdMetric.OkCount, "ok.count"),
        (ThresholdMetric.DroppedCount, "dropped.count"),
    ];

    /// <summary>Longest first, so that "p99.9" is tried before "p99".</summary>
    public static IEnumerable<(ThresholdMetric Metric, string Name)> LongestFirst { get; } =
        [.. s_names.OrderByDescending(entry => entry.Name.Length)];

    public static string Name(ThresholdMetric metric) => s_names.First(entry => entry.Metric == metric).Name;

    public static string All => string.Join(", ", s_names.Select(entry => entry.Name));

    public static bool IsLatency(ThresholdMetric metric) => metric <= ThresholdMetric.Mean;
}

using FleetSim.Harness;

namespace FleetSim.LoadTests.Scaling;

/// <summary>One configuration's measurement, and how it compares with the baselines of the same run.</summary>
/// <param name="Configuration">As the row reads: embedded, 1 process, 3 processes.</param>
/// <param name="SiloProcesses">0 for the embedded silo.</param>
/// <param name="EntrySilos">How many silos the client's calls entered through (1 for the embedded silo).</param>
/// <param name="SessionsPerSecond">Sessions that ended ok (denials included: the fleet answered) per measured second.</param>
/// <param name="ConnectP50Ms">Latency of the login, median.</param>
/// <param name="ConnectP99Ms">Latency of the login, 99th percentile.</param>
/// <param name="FailCount">Sessions the simulator failed (exceptions, timeouts), not denials.</param>
/// <param name="Passed">The scenario's thresholds kept and the run not aborted.</param>
/// <param name="ReportFolder">The harness's reports of this configuration.</param>
public sealed record ScalingFigure(
    string Configuration,
    int SiloProcesses,
    int EntrySilos,
    double SessionsPerSecond,
    double ConnectP50Ms,
    double ConnectP99Ms,
    long FailCount,
    bool Passed,
    string ReportFolder)
{
    /// <summary>Throughput over the one-process figure of the same run; null without one.</summary>
    public double? RatioToOneProcess { get; init; }

    /// <summary>Throughput over the embedded figure of the same run.</summary>
    public double? RatioToEmbedded { get; init; }

    public static ScalingFigure From(ScalingConfiguration configuration, int entrySilos, RunResult result, string scenario, string reportFolder)
    {
        var totals = result.Scenario(scenario).Totals;
        var connect = result.Scenario(scenario).Steps.FirstOrDefault(step => step.Step == "connect")?.Ok ?? LatencyStats.Empty;
        var perSecond = totals.Duration > TimeSpan.Zero ? totals.OkCount / totals.Duration.TotalSeconds : 0;
        return new(configuration.Name, configuration.SiloProcesses, entrySilos, perSecond, connect.P50Ms, connect.P99Ms, totals.FailCount, result.Passed, reportFolder);
    }

    /// <summary>The figures with their ratios to the baselines measured among them.</summary>
    public static IReadOnlyList<ScalingFigure> WithRatios(IReadOnlyList<ScalingFigure> figures)
    {
        var embedded = figures.FirstOrDefault(f => f.SiloProcesses == 0)?.SessionsPerSecond;
        var oneProcess = figures.FirstOrDefault(f => f.SiloProcesses == 1)?.SessionsPerSecond;
        static double? Ratio(double value, double? baseline) => baseline is > 0 ? value / baseline : null;
        return [.. figures.Select(f => f with
        {
            RatioToOneProcess = Ratio(f.SessionsPerSecond, oneProcess),
            RatioToEmbedded = Ratio(f.SessionsPerSecond, embedded),
        })];
    }
}
